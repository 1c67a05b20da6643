import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per event a consumer has handled, inserted in the handler's own transaction: a redelivered event
 * meets the primary key and has no second effect.
 */
@Entity({ name: 'processed_message' })
export class ProcessedMessage {
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'processed_message_pkey' })
  consumer: string;

  @PrimaryColumn({ name: 'message_id', type: 'uuid', primaryKeyConstraintName: 'processed_message_pkey' })
  messageId: string;

  @Column({ type: 'varchar', length: 200 })
  type: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
