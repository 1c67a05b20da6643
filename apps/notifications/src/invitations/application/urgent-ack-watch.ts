import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task';
import { InvitationsService } from './invitations.service';

/**
 * Acknowledgement of urgent calls: looks every REMINDER_SCAN_INTERVAL_MS for invitees of an EXTRAORDINARY
 * conference still silent URGENT_ACK_MINUTES (default 60) after their invitation went out.
 */
@Injectable()
export class UrgentAckWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(invitations: InvitationsService) {
    const ackMinutes = Number(process.env.URGENT_ACK_MINUTES ?? 60);
    this.task = new PeriodicTask(
      'urgent acknowledgement reminders',
      Number(process.env.REMINDER_SCAN_INTERVAL_MS ?? 30_000),
      () => invitations.queueUrgentReminders(ackMinutes),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
