import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ReviewDecision } from '@pressconf/contracts';
import { BriefEntity } from '../../briefs/infrastructure/brief.entity';

/** The coordinator's decision on one submitted version. */
@Entity({ name: 'brief_review' })
@Index('brief_review_by_brief', ['briefId', 'reviewedAt'])
export class BriefReviewEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brief_review_pkey' })
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  @ForeignKey(() => BriefEntity, { name: 'brief_review_brief_id_fkey' })
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
