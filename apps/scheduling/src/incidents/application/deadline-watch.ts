import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IncidentsService } from './incidents.service';

/** Checks every few seconds for incidents whose 24 hours ran out, so the breach is reported within a minute. */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatch.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly incidents: IncidentsService) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.DEADLINE_WATCH_INTERVAL_MS ?? 15_000);
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.incidents
        .reportBreachedDeadlines()
        .then((n) => n > 0 && this.logger.warn(`${n} incident(s) passed their convene-by deadline`))
        .catch((error) => this.logger.error(`deadline check failed: ${error}`))
        .finally(() => (this.running = undefined));
    }, every);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
