import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ObstacleReportStatus } from '@pressconf/contracts';

/** A difficulty an agency reported, and what the coordinator did with it. */
@Entity({ name: 'obstacle_report' })
@Check('obstacle_report_status', `status IN ('OPEN', 'FORWARDED', 'RESOLVED')`)
@Index('obstacle_report_by_agency', ['agencyId', 'reportedAt'])
@Index('obstacle_report_recent', ['reportedAt', 'id'])
export class ObstacleReportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'obstacle_report_pkey' })
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  /** The conference it is about, if any (not checked against the conferences submissions knows: any id an agency has). */
  @Column({ name: 'conference_id', type: 'uuid', nullable: true })
  conferenceId: string | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  proposal: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: ObstacleReportStatus;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Column({ name: 'reported_by', type: 'varchar', length: 200 })
  reportedBy: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true })
  forwardedAt: Date | null;

  @Column({ name: 'forwarded_by', type: 'varchar', length: 200, nullable: true })
  forwardedBy: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'varchar', length: 200, nullable: true })
  resolvedBy: string | null;
}
