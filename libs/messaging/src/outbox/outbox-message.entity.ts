import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting to be published: written in the same transaction as the state change it reports. */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished', ['position'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** The event id, also the envelope's `id`. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'outbox_message_pkey' })
  id: string;

  /** Publication order within the service. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'BY DEFAULT' })
  position: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ name: 'message_key', type: 'varchar', length: 200 })
  messageKey: string;

  @Column({ type: 'varchar', length: 200 })
  type: string;

  @Column({ type: 'jsonb' })
  envelope: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  /** The trace of the request that wrote the row, which the relay's publishing continues (tracing/trace-context.ts). */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: Record<string, string> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
