import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BriefRequestState } from '../../delivery/domain/send-rules';

/** A brief request as submissions' events describe it: whom to ask, by when, and whether it is still owed. */
@Entity({ name: 'brief_request' })
export class BriefRequestProjection {
  @PrimaryColumn('uuid')
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
