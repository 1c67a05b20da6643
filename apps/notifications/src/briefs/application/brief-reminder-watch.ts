import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task';
import { BriefMailService } from './brief-mail.service';

/** Queues brief reminders as they come due, every REMINDER_SCAN_INTERVAL_MS. */
@Injectable()
export class BriefReminderWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(briefMail: BriefMailService) {
    this.task = new PeriodicTask('brief reminders', Number(process.env.REMINDER_SCAN_INTERVAL_MS ?? 30_000), () =>
      briefMail.queueDueReminders(),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
