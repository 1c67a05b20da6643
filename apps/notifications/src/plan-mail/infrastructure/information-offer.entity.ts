import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InformationOfferDecision } from '@pressconf/contracts';

/** A decided information offer as submissions announced it: what the decision mail shows. */
@Entity({ name: 'information_offer' })
export class InformationOfferProjection {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'information_offer_pkey' })
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt: Date;

  @Column({ type: 'varchar', length: 30 })
  decision: InformationOfferDecision;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'conference_id', type: 'uuid', nullable: true })
  conferenceId: string | null;

  @Column({ name: 'brief_due_at', type: 'timestamptz', nullable: true })
  briefDueAt: Date | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
