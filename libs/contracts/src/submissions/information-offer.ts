import { IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';

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

  @IsOptional()
  @Nullable()
  @IsString()
  comment?: string | null;
}
