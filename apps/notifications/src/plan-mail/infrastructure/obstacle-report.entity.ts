import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ObstacleReportStatus } from '@pressconf/contracts';

/** An obstacle report as submissions' latest event about it says: what its mails show when they are sent. */
@Entity({ name: 'obstacle_report' })
export class ObstacleReportProjection {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'obstacle_report_pkey' })
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

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

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;
}
