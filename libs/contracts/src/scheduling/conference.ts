import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';
import { PageQuery } from '../common/pagination';
import { AgencyRole } from './agency';

export const ConferenceKinds = ['PERIODIC', 'EXTRAORDINARY'] as const;
export type ConferenceKind = (typeof ConferenceKinds)[number];

export const ConferenceStatuses = ['DRAFT', 'CALLED', 'RESCHEDULED', 'COMPLETED', 'CANCELLED'] as const;
export type ConferenceStatus = (typeof ConferenceStatuses)[number];

export const RsvpResponses = ['ACCEPT', 'DECLINE', 'DELEGATE'] as const;
export type RsvpResponse = (typeof RsvpResponses)[number];
/** A participant's answer as shown: PENDING until the invitee answers. */
export type RsvpState = RsvpResponse | 'PENDING';

export class CreateConferenceDto {
  @IsIn(ConferenceKinds)
  kind: ConferenceKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  topics: string[];

  @ValidateIf((o: CreateConferenceDto) => o.kind === 'EXTRAORDINARY' || o.incidentId !== undefined)
  @IsUUID()
  incidentId?: string;

  @IsOptional()
  @IsUUID()
  seriesId?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  briefsDueAt?: string;
}

export class RescheduleConferenceDto {
  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class CancelConferenceDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class ListConferencesQuery extends PageQuery {
  @IsOptional()
  @IsIn(ConferenceStatuses)
  status?: ConferenceStatus;

  @IsOptional()
  @IsIn(ConferenceKinds)
  kind?: ConferenceKind;

  @IsOptional()
  @IsDateTimeWithOffset()
  from?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  to?: string;
}

export interface ParticipantView {
  inviteeId: string;
  agencyId: string;
  agencyName: string;
  role: AgencyRole;
  contactName: string;
  email: string;
  mustBrief: boolean;
  /** Why the plan invites this participant, e.g. "always invited as COORDINATOR". */
  reason: string;
  rsvp: RsvpState;
  delegateName?: string;
}

export interface ConferenceView {
  id: string;
  kind: ConferenceKind;
  status: ConferenceStatus;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  topics: string[];
  incidentId: string | null;
  seriesId: string | null;
  briefsDueAt: string | null;
  sequence: number;
  calledAt: string | null;
  participants: ParticipantView[];
  createdAt: string;
  updatedAt: string;
}

export interface RescheduleConferenceRequest extends RescheduleConferenceDto {
  id: string;
}

export interface CancelConferenceRequest extends CancelConferenceDto {
  id: string;
}

