import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ConferenceKind, ConferenceStatus } from '@pressconf/contracts';
import { ParticipantEntity } from './participant.entity';

@Entity({ name: 'conference' })
export class ConferenceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ConferenceKind;

  @Column({ type: 'varchar', length: 20 })
  status: ConferenceStatus;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 500 })
  venue: string;

  @Column({ type: 'text', array: true, default: '{}' })
  topics: string[];

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId: string | null;

  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ name: 'briefs_due_at', type: 'timestamptz', nullable: true })
  briefsDueAt: Date | null;

  /** Bumped by every change that invitees must hear about (iCalendar SEQUENCE). */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @OneToMany(() => ParticipantEntity, (p) => p.conference, { cascade: false })
  participants?: ParticipantEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
