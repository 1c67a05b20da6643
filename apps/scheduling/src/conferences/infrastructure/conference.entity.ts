import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CoHostRequestView, ConferenceKind, ConferenceStatus, HostData, IssuerData } from '@pressconf/contracts';
import type { AgendaEntry } from '../domain/agenda';
import { IncidentEntity } from '../../incidents/infrastructure/incident.entity';
import { SeriesEntity } from '../../series/infrastructure/series.entity';
import { ParticipantEntity } from './participant.entity';

@Entity({ name: 'conference' })
@Check('conference_window', 'ends_at > starts_at')
@Index('conference_starts_at', ['startsAt'])
@Index('conference_incident', ['incidentId'])
@Index('conference_series_occurrence', ['seriesId', 'seriesOccurrence'], {
  unique: true,
  where: 'series_occurrence IS NOT NULL',
})
export class ConferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'conference_pkey' })
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
  @ForeignKey(() => IncidentEntity, { name: 'conference_incident_id_fkey' })
  incidentId: string | null;

  /**
   * The migration adds this key NOT VALID (rows older than the series table are not checked). TypeORM has no word
   * for that and does not compare it.
   */
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  @ForeignKey(() => SeriesEntity, { name: 'conference_series_fk' })
  seriesId: string | null;

  /**
   * For a draft materialised from its series: where the rule put this occurrence (before any holiday shift). Unique
   * per series, so materialising again adds nothing, even after the draft was rescheduled or cancelled.
   */
  @Column({ name: 'series_occurrence', type: 'timestamptz', nullable: true })
  seriesOccurrence: Date | null;

  @Column({ name: 'briefs_due_at', type: 'timestamptz', nullable: true })
  briefsDueAt: Date | null;

  /** Bumped by every change that invitees must hear about (iCalendar SEQUENCE). */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** Agencies an administrator added to the plan's invitation list before the call. */
  @Column({ name: 'added_agency_ids', type: 'uuid', array: true, default: '{}' })
  addedAgencyIds: string[];

  /** Agencies an administrator removed from it; removal wins over every rule of the plan. */
  @Column({ name: 'removed_agency_ids', type: 'uuid', array: true, default: '{}' })
  removedAgencyIds: string[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  agenda: AgendaEntry[];

  /** The host agencies the registry named at the call (resolveHosts); empty before it. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  hosts: HostData[];

  /** The body issuing the invitation letter (letterIssuer); null before the call or when none is registered. */
  @Column({ type: 'jsonb', nullable: true })
  issuer: IssuerData | null;

  /** The coordinator's written request to the co-host (văn bản đề nghị), times as ISO strings. */
  @Column({ name: 'co_host_request', type: 'jsonb', nullable: true })
  coHostRequest: CoHostRequestView | null;

  @OneToMany(() => ParticipantEntity, (p) => p.conference, { cascade: false })
  participants?: ParticipantEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
