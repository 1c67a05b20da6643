import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An incident (sự việc) that forces an extraordinary conference before `conveneBy`. */
@Entity({ name: 'incident' })
@Index('incident_pending_deadline', ['conveneBy'], { where: 'breach_reported_at IS NULL' })
export class IncidentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'incident_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt: Date;

  @Column({ type: 'text', array: true, default: '{}' })
  topics: string[];

  @Column({ name: 'agency_ids', type: 'uuid', array: true, default: '{}' })
  agencyIds: string[];

  @Column({ name: 'convene_by', type: 'timestamptz' })
  conveneBy: Date;

  /** Set once the deadline-breached event is in the outbox, so that it is emitted once. */
  @Column({ name: 'breach_reported_at', type: 'timestamptz', nullable: true })
  breachReportedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
