import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { WebhookDeliveryStatus } from '@pressconf/contracts';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/**
 * One event to one subscription, queued in the transaction that consumed the event (so the Kafka partition never
 * waits for a receiver) and sent by the WebhookWorker. Once per (subscription, event): a redelivered event queues
 * nothing more. `position` orders the deliveries of one ordering key.
 */
@Entity({ name: 'webhook_delivery' })
@Unique('webhook_delivery_once', ['subscriptionId', 'eventId'])
@Index('webhook_delivery_queue', ['subscriptionId', 'orderingKey', 'position'], { where: `status = 'PENDING'` })
@Index('webhook_delivery_log', ['subscriptionId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_delivery_pkey' })
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  @ForeignKey(() => WebhookSubscriptionEntity, { name: 'webhook_delivery_subscription_id_fkey', onDelete: 'CASCADE' })
  subscriptionId: string;

  /** The order of queueing (pg returns a bigint as a string). */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  position: string;

  /** The event's id: the `webhook-id` header. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType: string;

  /** The event's subject (the conference id for a conference's events): deliveries of one key go in order. */
  @Column({ name: 'ordering_key', type: 'varchar', length: 200 })
  orderingKey: string;

  /** The body, exactly as signed at every attempt: the event envelope as JSON. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 20, default: 'PENDING' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** The first failed attempt since it was queued (or retried by hand): the give-up window counts from it. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_duration_ms', type: 'int', nullable: true })
  lastDurationMs: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** The trace of the event handling that queued it, which its sending continues. */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: Record<string, string> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
