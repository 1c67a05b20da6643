import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';

/** OPEN when an agency reports it, FORWARDED to the People's Committee by the coordinator, RESOLVED at the end. */
export const ObstacleReportStatuses = ['OPEN', 'FORWARDED', 'RESOLVED'] as const;
export type ObstacleReportStatus = (typeof ObstacleReportStatuses)[number];

/**
 * submissions.obstacle-report.reported.v1, .forwarded.v1 and .resolved.v1: the report as it stands after the step,
 * whole, so that a consumer (the agency's notice, the People's Committee's mail, the activity report) needs nothing else.
 */
export class ObstacleReportEventData {
  @IsUUID()
  reportId: string;

  @IsUUID()
  agencyId: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  conferenceId?: string | null;

  @IsString()
  @IsNotEmpty()
  title: string;

  @IsString()
  description: string;

  @IsOptional()
  @Nullable()
  @IsString()
  proposal?: string | null;

  @IsIn(ObstacleReportStatuses)
  status: ObstacleReportStatus;

  @IsDateTimeWithOffset()
  reportedAt: string;

  /** The coordinator's note to the People's Committee (from .forwarded.v1 on). */
  @IsOptional()
  @Nullable()
  @IsString()
  note?: string | null;

  /** How it was resolved (.resolved.v1). */
  @IsOptional()
  @Nullable()
  @IsString()
  resolution?: string | null;
}
