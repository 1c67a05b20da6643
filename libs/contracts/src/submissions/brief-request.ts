import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';

export const BriefRequestStatuses = ['OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'OVERDUE', 'CLOSED'] as const;
export type BriefRequestStatus = (typeof BriefRequestStatuses)[number];

/**
 * Why a request was closed without an accepted brief. INVITATION_WITHDRAWN: the agency was removed from the
 * invitees after the call (its request opens again if it is invited again).
 */
export const BriefRequestClosedReasons = ['NOTHING_TO_REPORT', 'CONFERENCE_CANCELLED', 'INVITATION_WITHDRAWN'] as const;
export type BriefRequestClosedReason = (typeof BriefRequestClosedReasons)[number];

/** Someone an agency sends to the conference (người dự, người phát ngôn). */
export class RepresentativeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  /** True for whoever speaks for the agency (its spokesperson or an authorised person). */
  @IsBoolean()
  speaks: boolean;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 .()-]{6,20}$/, { message: 'phone must be a telephone number' })
  phone?: string;
}

/** PUT /brief-requests/{id}/representatives: replaces the whole list (an empty list withdraws it). */
export class NominateRepresentativesDto {
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives: RepresentativeDto[];
}

/** POST /brief-requests/{id}/nothing-to-report */
export class DeclareNothingToReportDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class BriefRequestView {
  @IsUUID()
  id: string;

  @IsUUID()
  conferenceId: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  @IsDateTimeWithOffset()
  dueAt: string;

  @IsIn(BriefRequestStatuses)
  status: BriefRequestStatus;

  /** The agency's brief, once a first version is saved. */
  @IsOptional()
  @IsUUID()
  briefId?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives: RepresentativeDto[];

  @IsOptional()
  @IsIn(BriefRequestClosedReasons)
  closedReason?: BriefRequestClosedReason;

  /** The agency's note when it declared it had nothing to report. */
  @IsOptional()
  @IsString()
  closingNote?: string;

  @IsDateTimeWithOffset()
  createdAt: string;

  @IsDateTimeWithOffset()
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

  /** Why it was closed, in words (.closed.v1). */
  @IsOptional()
  @IsString()
  reason?: string;

  /** Why it was closed, as a code (.closed.v1; absent from events of earlier versions). */
  @IsOptional()
  @IsIn(BriefRequestClosedReasons)
  closedReason?: BriefRequestClosedReason;
}

/**
 * submissions.brief-request.due-moved.v1: the due time of a brief still owed moved (the conference was
 * rescheduled); `status` is the request's status after the move (an overdue one whose new time lies ahead is OPEN).
 */
export class BriefRequestDueMovedData {
  @IsUUID()
  requestId: string;

  @IsUUID()
  conferenceId: string;

  @IsUUID()
  agencyId: string;

  @IsDateTimeWithOffset()
  dueAt: string;

  @IsDateTimeWithOffset()
  previousDueAt: string;

  @IsIn(BriefRequestStatuses)
  status: BriefRequestStatus;
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

  /** When participants other than the hosts, and the press, may read it: the conference's start (embargo). */
  @IsOptional()
  @IsDateTimeWithOffset()
  availableFrom?: string;
}
