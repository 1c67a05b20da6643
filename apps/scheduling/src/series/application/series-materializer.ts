import { Injectable } from '@nestjs/common';
import { PeriodicJob, ScheduledJob } from '@pressconf/messaging';
import type { SchedulingConfig } from '../../config';
import { SeriesService } from './series.service';
import { ConfigService } from '@nestjs/config';

/**
 * Keeps every series drafted up to its horizon as days pass: once at start (the horizon moved while the service
 * was down), then periodically.
 */
@Injectable()
export class SeriesMaterializer extends ScheduledJob {
  protected readonly job: PeriodicJob;

  constructor(series: SeriesService, config: ConfigService<SchedulingConfig, true>) {
    super();
    this.job = new PeriodicJob({
      name: 'series-materializer',
      intervalMs: config.get('SERIES_MATERIALIZE_INTERVAL_MS', { infer: true }),
      runAtStart: true,
      // Each series is topped up under its row lock (SeriesService.materializeAll), so replicas draft it once.
      run: async () => {
        const added = await series.materializeAll();
        return added > 0 ? `drafted ${added} periodic conference(s) from their series` : undefined;
      },
    });
  }
}
