import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { NotificationsConfig } from '../../config';
import { REMINDED_ANSWERS } from '../domain/invitee-reminder';

/**
 * The invitees' reminder before the start (INVITEE_REMINDER_HOURS_BEFORE), queued every REMINDER_SCAN_INTERVAL_MS
 * once due, and sent by the delivery worker like any mail. Its cause is the announcement of the conference's
 * current time (`reminder_key`), so each announced time is reminded once per invitee, however many replicas run
 * the scan and whenever one crashes: the delivery's uniqueness turns a second insert into nothing. A reschedule
 * announces a new time and so a new reminder; a cancellation leaves none.
 */
@Injectable()
export class InviteeReminderWatch extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<NotificationsConfig, true>,
  ) {
    super();
    this.job = new PeriodicJob({
      name: 'invitee-reminders',
      intervalMs: config.get('REMINDER_SCAN_INTERVAL_MS', { infer: true }),
      run: async () => {
        const count = await this.queueDue();
        return count > 0 ? `invitee reminders: ${count} queued` : undefined;
      },
    });
  }

  /**
   * Invitees who attend or have not answered, of conferences still to be held whose reminder time has come, and
   * invited before that time (one invited later was told recently enough).
   */
  async queueDue(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO delivery (id, kind, channel, source_event_id, conference_id, invitation_id, recipient_name, email,
                             locale, sequence, status, next_attempt_at)
       SELECT gen_random_uuid(), 'INVITATION_REMINDER', 'EMAIL', c.reminder_key, c.id, i.id, i.contact_name, i.email,
              i.locale, c.sequence, 'PENDING', now()
         FROM conference c
         JOIN invitation i ON i.conference_id = c.id
        WHERE c.status IN ('CALLED', 'RESCHEDULED') AND c.remind_at <= now() AND c.starts_at > now()
          AND i.withdrawn_at IS NULL AND i.rsvp = ANY($1::text[]) AND i.created_at < c.remind_at
          AND NOT EXISTS (SELECT 1 FROM delivery r
                           WHERE r.invitation_id = i.id AND r.kind = 'INVITATION_REMINDER'
                             AND r.source_event_id = c.reminder_key)
       ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
       RETURNING id`,
      [REMINDED_ANSWERS],
    );
    return rows.length;
  }
}
