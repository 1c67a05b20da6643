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

  /** When the reminder goes out (see briefReminderAt); null when none is due. */
  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  @Column({ type: 'varchar', length: 20 })
  status: BriefRequestState;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
