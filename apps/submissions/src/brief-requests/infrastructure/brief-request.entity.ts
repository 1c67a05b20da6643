import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { BriefRequestStatus } from '@pressconf/contracts';

/** A request for one agency's written brief for one conference. */
@Entity({ name: 'brief_request' })
@Unique(['conferenceId', 'agencyId'])
export class BriefRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'agency_name', type: 'varchar', length: 300 })
  agencyName: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: BriefRequestStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
