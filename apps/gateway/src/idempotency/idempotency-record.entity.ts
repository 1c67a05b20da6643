import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a creating POST, kept so that a retry with the same Idempotency-Key gets it again. */
@Entity({ name: 'idempotency_record' })
@Index('idempotency_record_expiry', ['expiresAt'])
export class IdempotencyRecord {
  /** Caller, method, path and key: one caller's key never answers another's request. */
  @PrimaryColumn({ type: 'varchar', length: 600, primaryKeyConstraintName: 'idempotency_record_pkey' })
  scope: string;

  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
