import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConferenceKind, ConferenceStatus, HostData } from '@pressconf/contracts';

/** What submissions knows of a conference, from scheduling's events (never from scheduling's tables). */
@Entity({ name: 'conference' })
export class ConferenceProjection {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'conference_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ConferenceKind;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 500, default: '' })
  venue: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  topics: string[];

  @Column({ type: 'varchar', length: 20 })
  status: ConferenceStatus;

  @Column({ type: 'int' })
  sequence: number;

  /** The host agencies and their host roles, as the call named them (none in events of earlier versions). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  hosts: ConferenceHost[];
}

/** What submissions keeps of a host: who it is and which host roles it holds (no contact). */
export type ConferenceHost = Pick<HostData, 'agencyId' | 'agencyName' | 'roles'>;
