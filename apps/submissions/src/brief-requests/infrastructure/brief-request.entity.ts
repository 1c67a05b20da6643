import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { BriefRequestClosedReason, BriefRequestStatus, RepresentativeDto } from '@pressconf/contracts';
import { ConferenceProjection } from './conference-projection.entity';

/** A request for one agency's written brief for one conference. */
@Entity({ name: 'brief_request' })
@Unique('brief_request_once', ['conferenceId', 'agencyId'])
@Index('brief_request_open_due', ['dueAt'], { where: `status = 'OPEN'` })
export class BriefRequestEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brief_request_pkey' })
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  @ForeignKey(() => ConferenceProjection, { name: 'brief_request_conference_id_fkey' })
  conferenceId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'agency_name', type: 'varchar', length: 300 })
  agencyName: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: BriefRequestStatus;

  /** Who the agency sends to attend and speak. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  representatives: RepresentativeDto[];

  @Column({ name: 'closed_reason', type: 'varchar', length: 30, nullable: true })
  closedReason: BriefRequestClosedReason | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
