import { Injectable } from '@nestjs/common';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { NotificationsConfig } from '../../config';
import { InvitationsService } from './invitations.service';
import { ConfigService } from '@nestjs/config';

/**
 * Acknowledgement of urgent calls: looks every REMINDER_SCAN_INTERVAL_MS for invitees of an EXTRAORDINARY
 * conference still silent URGENT_ACK_MINUTES (default 60) after their invitation went out.
 */
@Injectable()
export class UrgentAckWatch extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(invitations: InvitationsService, config: ConfigService<NotificationsConfig, true>) {
    super();
    const ackMinutes = config.get('URGENT_ACK_MINUTES', { infer: true });
    this.job = new PeriodicJob({
      name: 'urgent-ack-reminders',
      intervalMs: config.get('REMINDER_SCAN_INTERVAL_MS', { infer: true }),
      run: async () => {
        const count = await invitations.queueUrgentReminders(ackMinutes);
        return count > 0 ? `urgent acknowledgement reminders: ${count} queued` : undefined;
      },
    });
  }
}
