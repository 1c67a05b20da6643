import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/periodic-job';
import { BriefRequestsService } from './brief-requests.service';

/** Marks open requests overdue once their due time passes (every OVERDUE_WATCH_INTERVAL_MS, 15 s by default). */
@Injectable()
export class OverdueWatch extends PeriodicJob {
  protected readonly logger = new Logger(OverdueWatch.name);

  constructor(private readonly requests: BriefRequestsService) {
    super();
  }

  protected intervalMs(): number {
    return Number(process.env.OVERDUE_WATCH_INTERVAL_MS ?? 15_000);
  }

  protected async tick(): Promise<void> {
    // A batch at a time, so that a backlog after a long outage does not hold one huge transaction.
    for (let marked = await this.requests.markOverdue(); marked > 0; marked = await this.requests.markOverdue()) {
      this.logger.log(`${marked} brief request(s) marked overdue`);
    }
  }
}
