import { IsDateTimeWithOffset } from '../common/validators';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';

export const BriefRequestStatuses = ['OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'OVERDUE', 'CLOSED'] as const;
export type BriefRequestStatus = (typeof BriefRequestStatuses)[number];

export interface BriefRequestView {
  id: string;
  conferenceId: string;
  agencyId: string;
  agencyName: string;
  dueAt: string;
  status: BriefRequestStatus;
  createdAt: string;
  updatedAt: string;
}

/** submissions.brief-request.opened.v1 · .overdue.v1 · .closed.v1 */
export class BriefRequestEventData {
  @IsUUID()
  requestId: string;

  @IsUUID()
  conferenceId: string;

  @IsUUID()
  agencyId: string;

  @IsDateTimeWithOffset()
  dueAt: string;

  @IsOptional()
  @IsString()
  reason?: string;
}

/** submissions.brief.submitted.v1 · submissions.brief.reviewed.v1 */
export class BriefEventData {
  @IsUUID()
  requestId: string;

  @IsUUID()
  briefId: string;

  @IsUUID()
  conferenceId: string;

  @IsUUID()
  agencyId: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsIn(['ACCEPT', 'RETURN'])
  decision?: 'ACCEPT' | 'RETURN';

  @IsOptional()
  @IsString()
  comment?: string;
}

/** submissions.briefing-pack.compiled.v1 */
export class BriefingPackCompiledData {
  @IsUUID()
  conferenceId: string;

  @IsUUID()
  packId: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsUUID('all', { each: true })
  briefIds: string[];
}
