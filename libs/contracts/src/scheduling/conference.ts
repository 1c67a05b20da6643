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
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { PageQuery } from '../common/pagination';
import { AgencyRole, AgencyRoles } from './agency';
import { AgendaItem } from './agenda';
import { CoHostRequestView } from './co-host-request';
import { HostData, IssuerData } from './hosts';
import { InviteeChangesView } from './participants';

export const ConferenceKinds = ['PERIODIC', 'EXTRAORDINARY'] as const;
export type ConferenceKind = (typeof ConferenceKinds)[number];

export const ConferenceStatuses = ['DRAFT', 'CALLED', 'RESCHEDULED', 'COMPLETED', 'CANCELLED'] as const;
export type ConferenceStatus = (typeof ConferenceStatuses)[number];

export const RsvpResponses = ['ACCEPT', 'DECLINE', 'DELEGATE'] as const;
export type RsvpResponse = (typeof RsvpResponses)[number];
/** A participant's answer as shown: PENDING until the invitee answers. */
export type RsvpState = RsvpResponse | 'PENDING';

@JSONSchema({
  example: {
    kind: 'PERIODIC',
    title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
    startsAt: '2027-03-15T09:00:00+07:00',
    endsAt: '2027-03-15T11:00:00+07:00',
    venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, 08 Lý Thường Kiệt, Buôn Ma Thuột',
    topics: ['đất đai', 'tôn giáo'],
  },
})
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

/**
 * `PATCH /conferences/{id}`: what may still change in a DRAFT; every field is optional, at least one is given.
 * `briefsDueAt: null` drops the due time (the default applies at the call).
 */
@JSONSchema({
  example: { venue: 'Phòng họp số 2, UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột', briefsDueAt: '2027-03-12T17:00:00+07:00' },
})
export class UpdateConferenceDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  startsAt?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  endsAt?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  venue?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  topics?: string[];

  @IsOptional()
  @Nullable()
  @IsDateTimeWithOffset()
  briefsDueAt?: string | null;
}

@JSONSchema({
  example: {
    startsAt: '2027-03-16T14:00:00+07:00',
    endsAt: '2027-03-16T16:00:00+07:00',
    reason: 'Trùng lịch họp của Ủy ban nhân dân tỉnh',
  },
})
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

@JSONSchema({ example: { reason: 'Nội dung đã được cung cấp tại hội nghị giao ban báo chí' } })
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

export class ParticipantView {
  @IsUUID()
  inviteeId: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  @IsIn(AgencyRoles)
  role: AgencyRole;

  @IsString()
  contactName: string;

  /**
   * Omitted for the press and read-only clients (README, "Who sees what"): optional in the schema, while the type
   * describes the organisers' and agencies' view; theirs is PublicConferenceView.
   */
  @IsOptional()
  @IsEmail()
  @JSONSchema({ description: 'Omitted for the press and read-only clients (roles press, reader)' })
  email: string;

  @IsBoolean()
  mustBrief: boolean;

  /** Why the plan invites this participant, e.g. "always invited as COORDINATOR". */
  @IsString()
  reason: string;

  @IsIn([...RsvpResponses, 'PENDING'])
  rsvp: RsvpState;

  @IsOptional()
  @IsString()
  delegateName?: string;
}

@JSONSchema({
  example: {
    id: '7c0e8f52-2a41-4c2b-9a59-3f0d1e6b8a11',
    kind: 'PERIODIC',
    status: 'CALLED',
    title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
    startsAt: '2027-03-15T02:00:00.000Z',
    endsAt: '2027-03-15T04:00:00.000Z',
    venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, Buôn Ma Thuột',
    topics: ['đất đai', 'tôn giáo'],
    incidentId: null,
    seriesId: null,
    briefsDueAt: null,
    sequence: 1,
    calledAt: '2027-03-01T03:00:00.000Z',
    participants: [],
    inviteeChanges: { added: [], removed: [] },
    agenda: [],
    hosts: [],
    issuer: null,
    coHostRequest: null,
    createdAt: '2027-02-28T03:00:00.000Z',
    updatedAt: '2027-03-01T03:00:00.000Z',
  },
})
export class ConferenceView {
  @IsUUID()
  id: string;

  @IsIn(ConferenceKinds)
  kind: ConferenceKind;

  @IsIn(ConferenceStatuses)
  status: ConferenceStatus;

  @IsString()
  title: string;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsString()
  venue: string;

  @IsString({ each: true })
  topics: string[];

  @Nullable()
  @IsUUID()
  incidentId: string | null;

  @Nullable()
  @IsUUID()
  seriesId: string | null;

  @Nullable()
  @IsDateTimeWithOffset()
  briefsDueAt: string | null;

  /** Bumped by every change invitees hear about (the iCalendar SEQUENCE). */
  @IsInt()
  sequence: number;

  @Nullable()
  @IsDateTimeWithOffset()
  calledAt: string | null;

  @ValidateNested({ each: true })
  @Type(() => ParticipantView)
  participants: ParticipantView[];

  /** Administrator changes to the invitation list, applied by the call. */
  @ValidateNested()
  @Type(() => InviteeChangesView)
  inviteeChanges: InviteeChangesView;

  @ValidateNested({ each: true })
  @Type(() => AgendaItem)
  agenda: AgendaItem[];

  /**
   * The host agencies resolved from the registry at the call, each with its host roles and representative; empty
   * before the call. The press and read-only clients see no address.
   */
  @ValidateNested({ each: true })
  @Type(() => HostData)
  hosts: HostData[];

  /** The body that issues the invitation letter (the co-host, else the coordinator); null before the call. */
  @Nullable()
  @ValidateNested()
  @Type(() => IssuerData)
  issuer: IssuerData | null;

  /** EXTRAORDINARY only: the coordinator's written request to the co-host (văn bản đề nghị). */
  @Nullable()
  @ValidateNested()
  @Type(() => CoHostRequestView)
  coHostRequest: CoHostRequestView | null;

  @IsDateTimeWithOffset()
  createdAt: string;

  @IsDateTimeWithOffset()
  updatedAt: string;
}

/** A participant as the press and read-only clients see it: no address. */
export type PublicParticipantView = Omit<ParticipantView, 'email'>;

/** A conference as the press and read-only clients see it (never a DRAFT). */
export type PublicConferenceView = Omit<ConferenceView, 'participants'> & { participants: PublicParticipantView[] };

export interface RescheduleConferenceRequest extends RescheduleConferenceDto {
  id: string;
}

export interface CancelConferenceRequest extends CancelConferenceDto {
  id: string;
}
