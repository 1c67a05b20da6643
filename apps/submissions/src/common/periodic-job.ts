import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs `tick` every `intervalMs` while the service is up, never two at once, and waits for a running tick on
 * shutdown. What a tick does must be safe with several replicas ticking (row locks, not this timer, keep it
 * exactly-once).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  protected abstract intervalMs(): number;
  protected abstract tick(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runOnce(), this.intervalMs());
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    if (this.running) return;
    this.running = this.tick()
      .catch((error) => this.logger.error(`${this.constructor.name} failed: ${error}`))
      .finally(() => (this.running = undefined));
  }
}
