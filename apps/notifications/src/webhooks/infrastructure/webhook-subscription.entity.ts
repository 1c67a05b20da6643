import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookEventType } from '@pressconf/contracts';

/**
 * A receiver of events over HTTP. Its secret is kept as issued, not hashed: the service must sign with it. It lives
 * in notifications' own schema, which only notifications' database role can read, and leaves the service only in
 * the answer that issued it (README, "Signed webhooks").
 */
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscriptionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'webhook_subscription_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** Event types, or `*` for every one. */
  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: WebhookEventType[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  @Column({ type: 'varchar', length: 100 })
  secret: string;

  /** The secret before the last rotation, which signs beside the current one until it expires. */
  @Column({ name: 'previous_secret', type: 'varchar', length: 100, nullable: true })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** The first failed attempt since the receiver last accepted an event; null while it accepts them. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
