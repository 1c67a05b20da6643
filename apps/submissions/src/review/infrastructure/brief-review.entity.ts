import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReviewDecision } from '@pressconf/contracts';

/** The coordinator's decision on one submitted version. */
@Entity({ name: 'brief_review' })
export class BriefReviewEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 10 })
  decision: ReviewDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', default: () => 'now()' })
  reviewedAt: Date;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 200 })
  reviewedBy: string;
}
