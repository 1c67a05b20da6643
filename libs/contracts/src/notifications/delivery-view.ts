import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { PageQuery } from '../common/pagination';
import { Channel, Channels, DeliveryStatus, DeliveryStatuses, InvitationNotices } from './invitation';

/**
 * Every kind of message notifications sends, each with its template: the notices about one invitation, the brief
 * request and its reminder and overdue notice, the briefing pack's link, the hosts' alert of a breached 24 hours.
 */
export const DeliveryKinds = [
  ...InvitationNotices,
  'BRIEF_REQUEST',
  'BRIEF_REMINDER',
  'BRIEF_OVERDUE',
  'BRIEF_DUE_MOVED',
  'BRIEFING_PACK',
  'INCIDENT_DEADLINE_BREACHED',
  // Obstacle reports: the receipt, the forwarding and the resolution to the reporting agency; the forwarded report
  // to the People's Committee (the registry's PROVINCIAL_LEADERSHIP contacts).
  'OBSTACLE_REPORT_RECEIVED',
  'OBSTACLE_REPORT_FORWARDED',
  'OBSTACLE_REPORT_TO_LEADERSHIP',
  'OBSTACLE_REPORT_RESOLVED',
  // The coordinator's decision on information an agency offered, to that agency.
  'INFORMATION_OFFER_DECIDED',
  // To the admins (WEBHOOK_ALERT_EMAILS): a webhook subscription failing for 3 days was disabled.
  'WEBHOOK_DISABLED',
] as const;
export type DeliveryKind = (typeof DeliveryKinds)[number];

/** One message to one recipient (GET /deliveries): what it is, to whom, and what became of it. */
export class DeliveryView {
  @IsUUID()
  id: string;

  @IsIn(DeliveryKinds)
  kind: DeliveryKind;

  @IsIn(Channels)
  channel: Channel;

  /** The conference the message is about; null for an incident alert, an obstacle report or an offer. */
  @Nullable()
  @IsUUID()
  conferenceId: string | null;

  @Nullable()
  @IsUUID()
  incidentId: string | null;

  /** Set for the notices to an invitee (`GET /conferences/{id}/invitations` lists the latest of them). */
  @Nullable()
  @IsUUID()
  invitationId: string | null;

  @Nullable()
  @IsUUID()
  briefRequestId: string | null;

  /** The obstacle report the message is about. */
  @IsOptional()
  @Nullable()
  @IsUUID()
  obstacleReportId?: string | null;

  /** The information offer the message is about. */
  @IsOptional()
  @Nullable()
  @IsUUID()
  informationOfferId?: string | null;

  /** The recipient's name. */
  @IsString()
  recipient: string;

  @IsEmail()
  email: string;

  @Nullable()
  @IsString()
  agencyName: string | null;

  /** PENDING while queued or being retried, SENT once the mail server accepted it, FAILED when given up. */
  @IsIn(DeliveryStatuses)
  status: DeliveryStatus;

  /** Sending attempts made so far, over every resend. */
  @IsInt()
  @Min(0)
  attempts: number;

  @IsDateTimeWithOffset()
  queuedAt: string;

  @Nullable()
  @IsDateTimeWithOffset()
  lastAttemptAt: string | null;

  /** When a PENDING message is tried next. */
  @Nullable()
  @IsDateTimeWithOffset()
  nextAttemptAt: string | null;

  @Nullable()
  @IsDateTimeWithOffset()
  sentAt: string | null;

  /** The mail server's reply accepting the message, e.g. `250 2.0.0 OK: queued as 4ZxY`. */
  @Nullable()
  @IsString()
  smtpResponse: string | null;

  /**
   * The mail server's refusal or the network error of the last failed attempt; `not sent: …` when the message no
   * longer applied when its turn came (a cancelled conference, a brief already submitted).
   */
  @Nullable()
  @IsString()
  lastError: string | null;

  /** The Message-ID the mail carries, stable per delivery. */
  @Nullable()
  @IsString()
  messageId: string | null;

  /** True when `POST /deliveries/{id}/resend` would queue it again: FAILED by the mail server or the network. */
  @IsBoolean()
  resendable: boolean;

  /** How many times it was queued again by hand, and when last. */
  @IsInt()
  @Min(0)
  resends: number;

  @Nullable()
  @IsDateTimeWithOffset()
  resentAt: string | null;
}

/** GET /deliveries: every filter is optional; newest first. */
export class ListDeliveriesQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  conferenceId?: string;

  /** Part of the recipient's address or name, any case. */
  @IsOptional()
  @IsString()
  @MaxLength(320)
  recipient?: string;

  @IsOptional()
  @IsIn(DeliveryKinds)
  kind?: DeliveryKind;

  @IsOptional()
  @IsIn(DeliveryStatuses)
  status?: DeliveryStatus;
}
