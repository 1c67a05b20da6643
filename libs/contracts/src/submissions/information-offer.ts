import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { PageQuery } from '../common/pagination';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { AttachmentMediaType, AttachmentMediaTypes } from './briefs';

/** What the coordinator decides about an offer (plan IV.2, IV.4). */
export const InformationOfferDecisions = ['INCLUDE', 'CALL_EXTRAORDINARY', 'DECLINE'] as const;
export type InformationOfferDecision = (typeof InformationOfferDecisions)[number];

/** OFFERED until decided; then the decision's outcome. */
export const InformationOfferStatuses = ['OFFERED', 'INCLUDED', 'CALLED_EXTRAORDINARY', 'DECLINED'] as const;
export type InformationOfferStatus = (typeof InformationOfferStatuses)[number];

/**
 * submissions.information-offer.offered.v1 and .decided.v1: the offer as it stands after the step, whole. On
 * CALL_EXTRAORDINARY scheduling reports an incident from it (title, topics, the offering agency), so the 24-hour
 * clock starts at `decidedAt`; on INCLUDE submissions has opened a brief request for the agency (`briefRequestId`).
 */
export class InformationOfferEventData {
  @IsUUID()
  offerId: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  @IsNotEmpty()
  title: string;

  @IsString()
  summary: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];

  @IsBoolean()
  urgent: boolean;

  @IsIn(InformationOfferStatuses)
  status: InformationOfferStatus;

  @IsDateTimeWithOffset()
  offeredAt: string;

  @IsOptional()
  @IsIn(InformationOfferDecisions)
  decision?: InformationOfferDecision;

  @IsOptional()
  @Nullable()
  @IsDateTimeWithOffset()
  decidedAt?: string | null;

  @IsOptional()
  @Nullable()
  @IsUUID()
  conferenceId?: string | null;

  @IsOptional()
  @Nullable()
  @IsUUID()
  briefRequestId?: string | null;

  /** On INCLUDE: when the agency's brief for that conference is due. */
  @IsOptional()
  @Nullable()
  @IsDateTimeWithOffset()
  briefDueAt?: string | null;

  @IsOptional()
  @Nullable()
  @IsString()
  comment?: string | null;
}

/** POST /information-offers: information the agency offers on its own initiative, or content it proposes. */
export class OfferInformationDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  summary: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  topics: string[];

  /** Urgent information may warrant an extraordinary conference. */
  @IsBoolean()
  urgent: boolean;
}

/**
 * POST /information-offers/{id}/decide: INCLUDE needs the conference (called, not yet ended); DECLINE needs a
 * comment saying why; a comment is optional otherwise.
 */
export class DecideInformationOfferDto {
  @IsIn(InformationOfferDecisions)
  decision: InformationOfferDecision;

  @ValidateIf((o: DecideInformationOfferDto) => o.decision === 'INCLUDE' || o.conferenceId !== undefined)
  @IsUUID()
  conferenceId?: string;

  @ValidateIf((o: DecideInformationOfferDto) => o.decision === 'DECLINE' || o.comment !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  comment?: string;
}

/** GET /information-offers: newest first; an agency sees only its own whatever `agencyId` says. */
export class ListInformationOffersQuery extends PageQuery {
  @IsOptional()
  @IsIn(InformationOfferStatuses)
  status?: InformationOfferStatus;

  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

/** A file attached to an offer, checked as a brief's are. */
export class InformationOfferAttachmentView {
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

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;

  @IsDateTimeWithOffset()
  uploadedAt: string;

  @IsString()
  uploadedBy: string;
}

/** GET /information-offers/{id}: the offer, its files and the decision. */
export class InformationOfferView {
  @IsUUID()
  id: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  title: string;

  @IsString()
  summary: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];

  @IsBoolean()
  urgent: boolean;

  @IsIn(InformationOfferStatuses)
  status: InformationOfferStatus;

  @IsDateTimeWithOffset()
  offeredAt: string;

  @IsString()
  offeredBy: string;

  @Nullable()
  @IsIn(InformationOfferDecisions)
  decision: InformationOfferDecision | null;

  @Nullable()
  @IsDateTimeWithOffset()
  decidedAt: string | null;

  @Nullable()
  @IsString()
  decidedBy: string | null;

  @Nullable()
  @IsUUID()
  conferenceId: string | null;

  /** The brief request opened for the agency on INCLUDE. */
  @Nullable()
  @IsUUID()
  briefRequestId: string | null;

  @Nullable()
  @IsString()
  comment: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InformationOfferAttachmentView)
  attachments: InformationOfferAttachmentView[];
}
