import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InformationOfferDecision, InformationOfferStatus } from '@pressconf/contracts';

/** Information an agency offered on its own initiative, and the coordinator's decision on it. */
@Entity({ name: 'information_offer' })
@Check('information_offer_status', `status IN ('OFFERED', 'INCLUDED', 'CALLED_EXTRAORDINARY', 'DECLINED')`)
@Index('information_offer_by_agency', ['agencyId', 'offeredAt'])
@Index('information_offer_recent', ['offeredAt', 'id'])
export class InformationOfferEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'information_offer_pkey' })
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  topics: string[];

  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ type: 'varchar', length: 30 })
  status: InformationOfferStatus;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt: Date;

  @Column({ name: 'offered_by', type: 'varchar', length: 200 })
  offeredBy: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  decision: InformationOfferDecision | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'conference_id', type: 'uuid', nullable: true })
  conferenceId: string | null;

  @Column({ name: 'brief_request_id', type: 'uuid', nullable: true })
  briefRequestId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
