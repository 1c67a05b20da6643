import { IsArray, IsString, IsUUID } from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';

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
