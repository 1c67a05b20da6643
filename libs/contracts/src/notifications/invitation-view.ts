import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { PageQuery } from '../common/pagination';
import { AgencyRole, AgencyRoles } from '../scheduling/agency';
import { ContactLocale, ContactLocales } from '../scheduling/agency-contact';
import { RsvpResponses, RsvpState } from '../scheduling/conference';
import { Channel, Channels, DeliveryStatus, DeliveryStatuses, InvitationNotice, InvitationNotices } from './invitation';

/** An invitee's answer as listed: PENDING until they answer. */
export const RsvpStates = ['PENDING', ...RsvpResponses] as const;

/**
 * One invitee's invitation as the hosts follow it (GET /conferences/{id}/invitations): whether the latest
 * notice about the conference reached them, and their answer.
 */
export class InvitationView {
  @IsUUID()
  id: string;

  @IsUUID()
  conferenceId: string;

  /** The participant's id in scheduling (`participants[].inviteeId`). */
  @IsUUID()
  inviteeId: string;

  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  @IsIn(AgencyRoles)
  role: AgencyRole;

  /** The contact's name. */
  @IsString()
  recipient: string;

  @IsEmail()
  email: string;

  /** The language the invitee is written to in (their contact's when called): mail, calendar entry and page. */
  @IsIn(ContactLocales)
  locale: ContactLocale;

  @IsIn(Channels)
  channel: Channel;

  /**
   * The latest notice about the conference that `status`, `attempts`, `sentAt` and `lastError` describe:
   * the invitation, then the updated invitation after a reschedule or an agenda change, the notice that the
   * invitation is withdrawn, or the cancellation notice.
   */
  @IsIn(InvitationNotices)
  notice: InvitationNotice;

  /** PENDING while queued or being retried, SENT once the mail server accepted it, FAILED when given up. */
  @IsIn(DeliveryStatuses)
  status: DeliveryStatus;

  /** Sending attempts made so far (a retry after a temporary failure counts again). */
  @IsInt()
  @Min(0)
  attempts: number;

  @Nullable()
  @IsDateTimeWithOffset()
  sentAt: string | null;

  /** The mail server's reply or the network error of the last failed attempt. */
  @Nullable()
  @IsString()
  lastError: string | null;

  @IsIn(RsvpStates)
  rsvp: RsvpState;

  /** When the invitee last answered. */
  @Nullable()
  @IsDateTimeWithOffset()
  rsvpAt: string | null;

  @IsOptional()
  @IsString()
  delegateName?: string;

  @IsOptional()
  @IsString()
  delegateTitle?: string;

  /** When the second notice of an urgent (EXTRAORDINARY) call went out to an invitee who had not answered. */
  @Nullable()
  @IsDateTimeWithOffset()
  urgentReminderSentAt: string | null;
}

/** GET /conferences/{id}/invitations: `rsvp=PENDING` lists who has not answered yet. */
export class ListInvitationsQuery extends PageQuery {
  @IsOptional()
  @IsIn(RsvpStates)
  rsvp?: RsvpState;
}
