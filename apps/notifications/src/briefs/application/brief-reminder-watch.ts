import { Injectable } from '@nestjs/common';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { NotificationsConfig } from '../../config';
import { BriefMailService } from './brief-mail.service';
import { ConfigService } from '@nestjs/config';

/** Queues brief reminders as they come due, every REMINDER_SCAN_INTERVAL_MS. */
@Injectable()
export class BriefReminderWatch extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(briefMail: BriefMailService, config: ConfigService<NotificationsConfig, true>) {
    super();
    this.job = new PeriodicJob({
      name: 'brief-reminders',
      intervalMs: config.get('REMINDER_SCAN_INTERVAL_MS', { infer: true }),
      run: async () => {
        const count = await briefMail.queueDueReminders();
        return count > 0 ? `brief reminders: ${count} queued` : undefined;
      },
    });
  }
}
