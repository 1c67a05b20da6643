import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { JSONSchema } from 'class-validator-jsonschema';
import { PageQuery } from '../common/pagination';
import { ConferenceStatus, ConferenceStatuses } from './conference';
import { AgencyContactData } from './agency-contact';

/**
 * Where an incident stands against the 24-hour rule: OPEN while no conference has been called and `conveneBy` is
 * ahead, CONVENED once one was called by `conveneBy`, BREACHED when `conveneBy` passed without that.
 */
export const IncidentStatuses = ['OPEN', 'CONVENED', 'BREACHED'] as const;
export type IncidentStatus = (typeof IncidentStatuses)[number];

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

  /**
   * Whom the alert goes to: the host contacts of the registry as it stood when the deadline passed, resolved by
   * scheduling, which owns the registry: the representative (the spokesperson, else the first contact with an
   * address) of each agency holding a host role (CO_HOST, HUMAN_RIGHTS_STANDING_OFFICE, COORDINATOR), `role` its
   * first host role in the plan's order. Absent from events of earlier versions.
   */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgencyContactData)
  hosts?: AgencyContactData[];
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

export class IncidentConferenceView {
  @IsUUID()
  id: string;

  @IsString()
  title: string;

  @IsIn(ConferenceStatuses)
  status: ConferenceStatus;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  calledAt: string;
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

  @IsIn(IncidentStatuses)
  status: IncidentStatus;

  /** The first conference called for the incident, if any (it may since have been rescheduled or cancelled). */
  @Nullable()
  @ValidateNested()
  @Type(() => IncidentConferenceView)
  calledConference: IncidentConferenceView | null;

  /** Whether a conference was called by `conveneBy`; null while the 24 hours still run with none called. */
  @Nullable()
  @IsBoolean()
  deadlineKept: boolean | null;

  @IsDateTimeWithOffset()
  createdAt: string;
}

/** GET /incidents: `from` and `to` bound the detection time; newest first. */
export class ListIncidentsQuery extends PageQuery {
  @IsOptional()
  @IsIn(IncidentStatuses)
  status?: IncidentStatus;

  @IsOptional()
  @IsDateTimeWithOffset()
  from?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  to?: string;
}
