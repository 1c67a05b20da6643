import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BriefRequestState } from '../../delivery/domain/send-rules';

/** A brief request as submissions' events describe it: whom to ask, by when, and whether it is still owed. */
@Entity({ name: 'brief_request' })
@Index('brief_request_conference', ['conferenceId', 'agencyId'])
@Index('brief_request_reminder', ['remindAt'], { where: `status IN ('OPEN', 'RETURNED')` })
export class BriefRequestProjection {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brief_request_pkey' })
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** The due time before the latest move, shown in the notice of the move. */
  @Column({ name: 'previous_due_at', type: 'timestamptz', nullable: true })
  previousDueAt: Date | null;

  /** When the reminder goes out (see briefReminderAt); null when none is due. */
  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  /**
   * The cause of the reminder of the current due time: the request's id, then the event of each move, so that
   * every due time is reminded once and a moved one again.
   */
  @Column({ name: 'reminder_key', type: 'uuid' })
  reminderKey: string;

  /**
   * The cause of the request mail: the request's id, then the event that opened it again after its agency was
   * removed and invited again, so that the agency is asked once per opening (not again when a due time moves).
   */
  @Column({ name: 'request_key', type: 'uuid' })
  requestKey: string;

  @Column({ type: 'varchar', length: 20 })
  status: BriefRequestState;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
