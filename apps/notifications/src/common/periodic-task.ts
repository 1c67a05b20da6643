import { Logger } from '@nestjs/common';

/**
 * Runs `task` every `everyMs`, never two passes at once; `stop()` waits for the pass in progress so that a
 * shutdown does not cut a transaction short.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly task: () => Promise<number>,
    private readonly logger = new Logger(name),
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.task()
        .then((count) => count > 0 && this.logger.log(`${this.name}: ${count} queued`))
        .catch((error) => this.logger.error(`${this.name} failed: ${error}`))
        .finally(() => (this.running = undefined));
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
