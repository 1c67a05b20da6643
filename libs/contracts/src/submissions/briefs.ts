import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';
import { BriefRequestStatus, BriefRequestStatuses } from './brief-request';

/** A brief is an official document (văn bản): the body is capped so that one version stays well under a Kafka message. */
export const BRIEF_BODY_MAX_LENGTH = 100_000;

/** POST /brief-requests/{id}/briefs: each save is a new version of the agency's brief. */
export class SaveBriefDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(BRIEF_BODY_MAX_LENGTH)
  body: string;

  /** As printed after "Số:", e.g. "125/BC-CAT". */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNumber?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  issuedAt?: string;

  /** Who signed it, e.g. "Phó Giám đốc Nguyễn Văn A". */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  signedBy?: string;
}

/** POST /brief-requests/{id}/submit */
export class SubmitBriefDto {
  /** The version the agency means to submit; refused with 409 when a newer one was saved meanwhile. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export const ReviewDecisions = ['ACCEPT', 'RETURN'] as const;
export type ReviewDecision = (typeof ReviewDecisions)[number];

/** POST /brief-requests/{id}/review: a returned brief needs a comment saying what to revise. */
export class ReviewBriefDto {
  @IsIn(ReviewDecisions)
  decision: ReviewDecision;

  @ValidateIf((o: ReviewBriefDto) => o.decision === 'RETURN' || o.comment !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  comment?: string;
}

/** GET /briefs/{id}?version=n */
export class GetBriefQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** The official document a brief is: what each version holds and what the pack compiles. */
export class BriefDocument {
  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  title: string;

  @IsString()
  summary: string;

  @IsString()
  body: string;

  @IsOptional()
  @IsString()
  documentNumber?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  issuedAt?: string;

  @IsOptional()
  @IsString()
  signedBy?: string;
}

export class BriefVersionView extends BriefDocument {
  @IsDateTimeWithOffset()
  savedAt: string;

  /** The API key or token subject that saved it. */
  @IsString()
  savedBy: string;
}

/** One entry of a brief's history; GET /briefs/{id}?version=n gives the whole text. */
export class BriefVersionSummary {
  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  title: string;

  @IsOptional()
  @IsString()
  documentNumber?: string;

  @IsDateTimeWithOffset()
  savedAt: string;

  @IsString()
  savedBy: string;
}

export const AttachmentMediaTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/png',
  'image/jpeg',
] as const;
export type AttachmentMediaType = (typeof AttachmentMediaTypes)[number];

export class AttachmentView {
  @IsUUID()
  id: string;

  @IsString()
  fileName: string;

  /** Detected from the content, not from the name. */
  @IsIn(AttachmentMediaTypes)
  mediaType: AttachmentMediaType;

  @IsInt()
  @Min(1)
  size: number;

  /** Hex SHA-256 of the stored bytes. */
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  /** The brief version that was current when the file was added. */
  @IsInt()
  @Min(1)
  briefVersion: number;

  @IsDateTimeWithOffset()
  uploadedAt: string;

  @IsString()
  uploadedBy: string;
}

export class BriefReviewView {
  @IsInt()
  @Min(1)
  version: number;

  @IsIn(ReviewDecisions)
  decision: ReviewDecision;

  @IsOptional()
  @IsString()
  comment?: string;

  @IsDateTimeWithOffset()
  reviewedAt: string;

  @IsString()
  reviewedBy: string;
}

/** GET /briefs/{id}: the current (or asked-for) version in full, with the history, the files and the reviews. */
export class BriefView {
  @IsUUID()
  id: string;

  @IsUUID()
  requestId: string;

  @IsUUID()
  conferenceId: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  /** The status of the brief request (OPEN, SUBMITTED, ACCEPTED, RETURNED, OVERDUE or CLOSED). */
  @IsIn(BriefRequestStatuses)
  status: BriefRequestStatus;

  @IsInt()
  @Min(1)
  currentVersion: number;

  /** The version under review, or the one last submitted. */
  @IsOptional()
  @IsInt()
  @Min(1)
  submittedVersion?: number;

  /** The version that goes into the briefing pack. */
  @IsOptional()
  @IsInt()
  @Min(1)
  acceptedVersion?: number;

  @ValidateNested()
  @Type(() => BriefVersionView)
  version: BriefVersionView;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BriefVersionSummary)
  versions: BriefVersionSummary[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AttachmentView)
  attachments: AttachmentView[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BriefReviewView)
  reviews: BriefReviewView[];

  @IsDateTimeWithOffset()
  createdAt: string;

  @IsDateTimeWithOffset()
  updatedAt: string;
}

/** The path of GET /briefs/{id}/attachments/{attachmentId}. */
export class AttachmentParam {
  @IsUUID()
  id: string;

  @IsUUID()
  attachmentId: string;
}
