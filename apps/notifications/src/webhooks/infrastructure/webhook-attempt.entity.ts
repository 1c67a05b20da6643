import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** One attempt at a webhook delivery: the delivery log. */
@Entity({ name: 'webhook_attempt' })
export class WebhookAttemptEntity {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid', primaryKeyConstraintName: 'webhook_attempt_pkey' })
  @ForeignKey(() => WebhookDeliveryEntity, { name: 'webhook_attempt_delivery_id_fkey', onDelete: 'CASCADE' })
  deliveryId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'webhook_attempt_pkey' })
  attempt: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
