import { Injectable } from '@nestjs/common';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { SchedulingConfig } from '../../config';
import { IncidentsService } from './incidents.service';
import { ConfigService } from '@nestjs/config';

/** Checks every few seconds for incidents whose 24 hours ran out, so the breach is reported within a minute. */
@Injectable()
export class DeadlineWatch extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(incidents: IncidentsService, config: ConfigService<SchedulingConfig, true>) {
    super();
    this.job = new PeriodicJob({
      name: 'deadline-watch',
      intervalMs: config.get('DEADLINE_WATCH_INTERVAL_MS', { infer: true }),
      reportLevel: 'warn',
      run: async () => {
        const n = await incidents.reportBreachedDeadlines();
        return n > 0 ? `${n} incident(s) passed their convene-by deadline` : undefined;
      },
    });
  }
}
