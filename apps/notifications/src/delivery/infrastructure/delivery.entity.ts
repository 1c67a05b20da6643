import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, DeliveryStatus } from '@pressconf/contracts';
import type { DeliveryKind } from '../domain/delivery-kind';

/**
 * One message to one recipient because of one event. Unique per (event, recipient, kind): a redelivered event
 * cannot queue a second copy.
 */
@Entity({ name: 'delivery' })
export class DeliveryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: DeliveryKind;

  @Column({ type: 'varchar', length: 20, default: 'EMAIL' })
  channel: Channel;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId: string;

  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId: string | null;

  @Column({ name: 'recipient_name', type: 'varchar', length: 200 })
  recipientName: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  /** The conference's sequence the message was queued for. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
