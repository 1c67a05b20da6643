import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { Channel, ContactLocale, DeliveryStatus } from '@pressconf/contracts';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import type { DeliveryKind } from '../domain/delivery-kind';

/**
 * One message to one recipient because of one cause. Unique per (cause, recipient, kind): a redelivered event
 * or a repeated scheduler pass cannot queue a second copy. The cause (`source_event_id`) is the event's id for
 * mail an event triggers, and the id of the object concerned for mail a schedule triggers (the invitation for
 * the urgent reminder, the brief request for its request and reminder mail), which makes those once-only.
 */
@Entity({ name: 'delivery' })
@Unique('delivery_once', ['sourceEventId', 'email', 'kind'])
@Check(
  'delivery_concerns',
  'conference_id IS NOT NULL OR incident_id IS NOT NULL OR obstacle_report_id IS NOT NULL OR information_offer_id IS NOT NULL OR webhook_subscription_id IS NOT NULL',
)
@Check('delivery_locale', `locale IN ('vi', 'en')`)
@Index('delivery_due', ['nextAttemptAt'], { where: `status = 'PENDING'` })
@Index('delivery_conference', ['conferenceId'])
@Index('delivery_invitation', ['invitationId', 'kind'])
@Index('delivery_brief_request', ['briefRequestId'], { where: 'brief_request_id IS NOT NULL' })
@Index('delivery_recent', ['createdAt', 'id'])
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'delivery_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: DeliveryKind;

  @Column({ type: 'varchar', length: 20, default: 'EMAIL' })
  channel: Channel;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  /** The conference the mail is about; null for an incident alert and mail about an obstacle report or an offer. */
  @Column({ name: 'conference_id', type: 'uuid', nullable: true })
  conferenceId: string | null;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId: string | null;

  /** Set for mail to an invitee: the recipient's details and token come from the invitation at send time. */
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  @ForeignKey(() => InvitationEntity, { name: 'delivery_invitation_id_fkey' })
  invitationId: string | null;

  @Column({ name: 'brief_request_id', type: 'uuid', nullable: true })
  briefRequestId: string | null;

  /** The obstacle report the mail is about (to the reporting agency, or the People's Committee). */
  @Column({ name: 'obstacle_report_id', type: 'uuid', nullable: true })
  obstacleReportId: string | null;

  /** The information offer whose decision the mail tells. */
  @Column({ name: 'information_offer_id', type: 'uuid', nullable: true })
  informationOfferId: string | null;

  /** The webhook subscription the admins' mail is about (one disabled after failing for days). */
  @Column({ name: 'webhook_subscription_id', type: 'uuid', nullable: true })
  webhookSubscriptionId: string | null;

  @Column({ name: 'recipient_name', type: 'varchar', length: 200 })
  recipientName: string;

  /** The recipient's agency, for mail to someone who is not an invitee (a host alert). */
  @Column({ name: 'recipient_agency', type: 'varchar', length: 300, nullable: true })
  recipientAgency: string | null;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  /** The language the message is written in: its recipient's (an invitee's from the invitation). */
  @Column({ type: 'varchar', length: 5, default: 'vi' })
  locale: ContactLocale;

  /** The conference's sequence the message was queued for. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'smtp_response', type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When the latest attempt began (the lease that counted it). */
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  /** Times it was queued again by hand after failing (POST /deliveries/{id}/resend). */
  @Column({ type: 'int', default: 0 })
  resends: number;

  @Column({ name: 'resent_at', type: 'timestamptz', nullable: true })
  resentAt: Date | null;

  /** The subject of the actor who queued it again. */
  @Column({ name: 'resent_by', type: 'varchar', length: 200, nullable: true })
  resentBy: string | null;

  /** `attempts` when it was last queued again: the retry policy counts the attempts after it. */
  @Column({ name: 'attempts_before_resend', type: 'int', default: 0 })
  attemptsBeforeResend: number;

  /** The trace of the event handling that queued the mail, which its sending continues; null for scheduled mail. */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: Record<string, string> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
