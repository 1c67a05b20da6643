import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { JSONSchema } from 'class-validator-jsonschema';

/** scheduling.incident.reported.v1 */
export class IncidentReportedData {
  @IsUUID()
  incidentId: string;

  @IsString()
  title: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];

  @IsArray()
  @IsUUID('all', { each: true })
  agencyIds: string[];

  @IsDateTimeWithOffset()
  conveneBy: string;
}

/** scheduling.incident.deadline-breached.v1 */
export class IncidentDeadlineBreachedData {
  @IsUUID()
  incidentId: string;

  @IsDateTimeWithOffset()
  conveneBy: string;
}

@JSONSchema({
  example: {
    title: 'Tụ tập đông người tại xã Ea Súp',
    description: 'Khoảng 50 người tụ tập trước trụ sở UBND xã để khiếu nại về đất đai.',
    occurredAt: '2027-03-02T07:30:00+07:00',
    detectedAt: '2027-03-02T08:15:00+07:00',
    topics: ['đất đai', 'an ninh trật tự'],
    agencyIds: ['3f2c1a4e-8b1d-4c6e-9a0f-5d7e2b1c4a90'],
  },
})
export class ReportIncidentDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  description: string;

  @IsDateTimeWithOffset()
  occurredAt: string;

  /** When the authorities learnt of it; the 24 hours run from here (default: now). */
  @IsOptional()
  @IsDateTimeWithOffset()
  detectedAt?: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  topics: string[];

  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  agencyIds: string[];
}

export class IncidentView {
  @IsUUID()
  id: string;

  @IsString()
  title: string;

  @IsString()
  description: string;

  @IsDateTimeWithOffset()
  occurredAt: string;

  @IsDateTimeWithOffset()
  detectedAt: string;

  @IsString({ each: true })
  topics: string[];

  @IsUUID('all', { each: true })
  agencyIds: string[];

  /** The extraordinary conference must start by then: detection + 24 hours. */
  @IsDateTimeWithOffset()
  conveneBy: string;

  /** Set when `conveneBy` passed with no conference called. */
  @Nullable()
  @IsDateTimeWithOffset()
  deadlineBreachedAt: string | null;

  @IsUUID('all', { each: true })
  conferenceIds: string[];

  @IsDateTimeWithOffset()
  createdAt: string;
}
