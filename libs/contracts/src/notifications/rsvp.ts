import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { AgencyRole, AgencyRoles } from '../scheduling/agency';
import { ContactLocale, ContactLocales } from '../scheduling/agency-contact';
import { AgendaItem } from '../scheduling/agenda';
import {
  ConferenceKind,
  ConferenceKinds,
  ConferenceStatus,
  ConferenceStatuses,
  RsvpResponse,
  RsvpResponses,
  RsvpState,
} from '../scheduling/conference';
import { RsvpStates } from './invitation-view';

/**
 * An invitation token as put in mail links: 24 random bytes in base64url. Anything else is no token of ours and
 * is answered like an unknown one (404), never looked up.
 */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function isInvitationToken(value: unknown): value is string {
  return typeof value === 'string' && INVITATION_TOKEN_PATTERN.test(value);
}

/** Delegate fields belong to a DELEGATE answer only; with any other answer they are an error, not ignored. */
function OnlyWhenDelegating(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'onlyWhenDelegating',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: ({ property }) => `${property} is only accepted with response DELEGATE`, ...options },
      validator: {
        validate: (value: unknown, args) =>
          value === undefined || (args?.object as { response?: unknown }).response === 'DELEGATE',
      },
    });
}

/** POST /invitations/{token}/rsvp: attend, decline, or send a named person in one's place. */
export class RsvpDto {
  @IsIn(RsvpResponses)
  response: RsvpResponse;

  /** Required with DELEGATE: who attends instead (người dự thay). */
  @ValidateIf((o: RsvpDto) => o.response === 'DELEGATE' || o.delegateName !== undefined)
  @OnlyWhenDelegating()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  delegateName?: string;

  /** Required with DELEGATE: the delegate's position, e.g. "Phó Giám đốc". */
  @ValidateIf((o: RsvpDto) => o.response === 'DELEGATE' || o.delegateTitle !== undefined)
  @OnlyWhenDelegating()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  delegateTitle?: string;
}

/** The conference as its invitee sees it through the token. */
export class InvitedConferenceView {
  @IsUUID()
  id: string;

  @IsString()
  title: string;

  @IsIn(ConferenceKinds)
  kind: ConferenceKind;

  @IsIn(ConferenceStatuses)
  status: ConferenceStatus;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsString()
  venue: string;

  @IsString({ each: true })
  topics: string[];

  /** The host agencies (cơ quan chủ trì), as the invitation mail names them. */
  @IsString({ each: true })
  hosts: string[];

  /** Why the conference was last rescheduled or cancelled, as the coordinator put it. */
  @IsOptional()
  @IsString()
  statusReason?: string;

  /** The zone people are shown times in (Asia/Ho_Chi_Minh). */
  @IsString()
  timeZone: string;

  /** The number of the invitation letter (Giấy mời), e.g. "01/GM-SVHTTDL". */
  @IsString()
  letterNumber: string;

  /** The agenda as it stands now, each item's start following the conference's; empty when none was set. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgendaItem)
  agenda: AgendaItem[];
}

export class InviteeView {
  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  title?: string;

  @IsString()
  agencyName: string;

  @IsIn(AgencyRoles)
  role: AgencyRole;
}

/** GET /invitations/{token} and the answer of POST /invitations/{token}/rsvp. */
export class InvitationByTokenView {
  @ValidateNested()
  @Type(() => InvitedConferenceView)
  conference: InvitedConferenceView;

  @ValidateNested()
  @Type(() => InviteeView)
  invitee: InviteeView;

  /** The invitee's language (their contact's), which their page, mail and calendar entry are written in. */
  @IsIn(ContactLocales)
  locale: ContactLocale;

  /** The current answer; PENDING until the invitee answers. */
  @IsIn(RsvpStates)
  rsvp: RsvpState;

  @IsOptional()
  @IsString()
  delegateName?: string;

  @IsOptional()
  @IsString()
  delegateTitle?: string;

  @Nullable()
  @IsDateTimeWithOffset()
  respondedAt: string | null;

  /** True once an administrator removed the invitee's agency from the conference: the invitation is withdrawn. */
  @IsBoolean()
  withdrawn: boolean;

  /**
   * False once the conference has started, is over, or was cancelled, or once the invitation was withdrawn: a
   * POST then answers 409.
   */
  @IsBoolean()
  canChange: boolean;

  /** The answer can be changed until this instant (the conference's start). */
  @IsDateTimeWithOffset()
  changeableUntil: string;

  /** GET here for the current calendar entry (REQUEST, or CANCEL once cancelled). */
  @IsString()
  calendarUrl: string;
}

/** The internal RSVP call's input: the token fills the path, the answer is the body. */
export interface RespondToInvitationRequest extends RsvpDto {
  token: string;
}
