import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A periodic series (the monthly press briefing): each occurrence becomes a PERIODIC draft conference. */
@Entity({ name: 'conference_series' })
@Check('conference_series_duration_minutes_check', 'duration_minutes BETWEEN 1 AND 1440')
export class SeriesEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'conference_series_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  /** RFC 5545, anchored by a DTSTART line so that its occurrences never depend on the window asked for. */
  @Column({ type: 'text' })
  rrule: string;

  /** Wall-clock "HH:mm" in `timeZone`. */
  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 500 })
  venue: string;

  @Column({ type: 'text', array: true, default: '{}' })
  topics: string[];

  /** Drafts exist for every occurrence up to here. */
  @Column({ name: 'materialized_until', type: 'timestamptz' })
  materializedUntil: Date;

  /** Set when the series was stopped: nothing more is drafted from it. */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
