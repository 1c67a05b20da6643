import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  AgendaItem,
  ConferenceKind,
  ConferenceStatus,
  HostData,
  IssuerData,
  OrganizerData,
} from '@pressconf/contracts';

/** The conference as notifications last heard of it from scheduling's events; mail is rendered from it. */
@Entity({ name: 'conference' })
@Index('conference_reminder', ['remindAt'], { where: `status IN ('CALLED', 'RESCHEDULED')` })
export class ConferenceSnapshot {
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

  @Column({ type: 'varchar', length: 500 })
  venue: string;

  @Column({ type: 'text', array: true, default: '{}' })
  topics: string[];

  @Column({ type: 'varchar', length: 20 })
  status: ConferenceStatus;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'jsonb', nullable: true })
  organizer: OrganizerData | null;

  /** The host agencies the call named (none in events of earlier versions): mail, page and letter name them. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  hosts: HostData[];

  /** The body issuing the letter, as the call named it; null for earlier events (the organiser's body issues). */
  @Column({ type: 'jsonb', nullable: true })
  issuer: IssuerData | null;

  /** The invitation letter's number, e.g. 12/GM-SVHTTDL: one letter per conference. */
  @Column({ name: 'letter_number', type: 'varchar', length: 60 })
  letterNumber: string;

  @Column({ name: 'letter_issued_at', type: 'timestamptz' })
  letterIssuedAt: Date;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'previous_starts_at', type: 'timestamptz', nullable: true })
  previousStartsAt: Date | null;

  /** The agenda as last announced; each item's time is worked out from `startsAt` when shown (see mailAgenda). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  agenda: AgendaItem[];

  /** When the invitees are reminded of the conference (see inviteeReminderAt); null when they are not. */
  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  /**
   * The event that announced the current time (the call or the latest reschedule): the cause of the reminders, so
   * that each announced time is reminded once, whatever the replicas and restarts.
   */
  @Column({ name: 'reminder_key', type: 'uuid', nullable: true })
  reminderKey: string | null;
}
