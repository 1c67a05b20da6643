import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';
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

/** POST /obstacle-reports: a difficulty the agency meets in carrying out the plan, optionally about one conference. */
export class ReportObstacleDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  description: string;

  /** What the agency proposes be done about it. */
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  proposal?: string;

  @IsOptional()
  @IsUUID()
  conferenceId?: string;
}

/** POST /obstacle-reports/{id}/forward: the coordinator's note to the People's Committee. */
export class ForwardObstacleReportDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  note: string;
}

/** POST /obstacle-reports/{id}/resolve */
export class ResolveObstacleReportDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  resolution: string;
}

/** GET /obstacle-reports: newest first; an agency sees only its own whatever `agencyId` says. */
export class ListObstacleReportsQuery extends PageQuery {
  @IsOptional()
  @IsIn(ObstacleReportStatuses)
  status?: ObstacleReportStatus;

  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

/** GET /obstacle-reports/{id}: the report with who did each step and when. */
export class ObstacleReportView {
  @IsUUID()
  id: string;

  @IsUUID()
  agencyId: string;

  @Nullable()
  @IsUUID()
  conferenceId: string | null;

  @IsString()
  title: string;

  @IsString()
  description: string;

  @Nullable()
  @IsString()
  proposal: string | null;

  @IsIn(ObstacleReportStatuses)
  status: ObstacleReportStatus;

  @IsDateTimeWithOffset()
  reportedAt: string;

  /** The API key or token subject that reported it. */
  @IsString()
  reportedBy: string;

  /** The coordinator's note to the People's Committee. */
  @Nullable()
  @IsString()
  note: string | null;

  @Nullable()
  @IsDateTimeWithOffset()
  forwardedAt: string | null;

  @Nullable()
  @IsString()
  forwardedBy: string | null;

  @Nullable()
  @IsString()
  resolution: string | null;

  @Nullable()
  @IsDateTimeWithOffset()
  resolvedAt: string | null;

  @Nullable()
  @IsString()
  resolvedBy: string | null;
}
