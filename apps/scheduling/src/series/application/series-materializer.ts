import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SeriesService } from './series.service';

/**
 * Keeps every series drafted up to its horizon as days pass: once at start (the horizon moved while the service
 * was down), then periodically.
 */
@Injectable()
export class SeriesMaterializer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SeriesMaterializer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly series: SeriesService) {}

  onApplicationBootstrap(): void {
    this.run();
    this.timer = setInterval(() => this.run(), Number(process.env.SERIES_MATERIALIZE_INTERVAL_MS ?? 3_600_000));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.series
      .materializeAll()
      .then((added) => added > 0 && this.logger.log(`drafted ${added} periodic conference(s) from their series`))
      .catch((error) => this.logger.error(`materialising series failed: ${error}`))
      .finally(() => (this.running = undefined));
  }
}
