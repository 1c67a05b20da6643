import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { SubmissionsConfig } from '../../config';
import { BriefRequestsService } from './brief-requests.service';
import { ConfigService } from '@nestjs/config';

/** Marks open requests overdue once their due time passes (every OVERDUE_WATCH_INTERVAL_MS, 15 s by default). */
@Injectable()
export class OverdueWatch extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(requests: BriefRequestsService, config: ConfigService<SubmissionsConfig, true>) {
    super();
    const logger = new Logger(OverdueWatch.name);
    this.job = new PeriodicJob({
      name: 'overdue-watch',
      intervalMs: config.get('OVERDUE_WATCH_INTERVAL_MS', { infer: true }),
      logger,
      run: async () => {
        // A batch at a time, so that a backlog after a long outage does not hold one huge transaction.
        for (let marked = await requests.markOverdue(); marked > 0; marked = await requests.markOverdue()) {
          logger.log(`${marked} brief request(s) marked overdue`);
        }
      },
    });
  }
}
