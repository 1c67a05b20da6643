import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics';

export const periodicJobLastRun = new Gauge({
  name: 'periodic_job_last_run_timestamp_seconds',
  help: 'When a periodic job last finished a run (Unix time), by job and outcome (ok, failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const periodicJobFailures = new Counter({
  name: 'periodic_job_failures_total',
  help: 'Runs of a periodic job that failed',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});

export interface PeriodicJobOptions {
  /** The job's name in logs and in the metrics' `job` label, e.g. `deadline-watch`. */
  name: string;
  /** Time between two runs (from the service's configuration). */
  intervalMs: number;
  /** One run is done: what it did, for the log, or nothing to say. Must be safe with several replicas running it. */
  run: () => Promise<string | undefined | void>;
  /** Run once right at start as well, not only after the first interval. */
  runAtStart?: boolean;
  /** The level of what `run` reports (`log` by default). */
  reportLevel?: 'log' | 'warn';
  logger?: Logger;
}

/**
 * The one way periodic work runs: every `intervalMs`, never two runs of a job at once in a process, each run's
 * end and failures measured, and `stop()` waiting for the run in flight so that nothing uses the database after
 * it closes. Exactly-once across replicas is the job's own business: each takes a row lock (FOR UPDATE SKIP
 * LOCKED) or an advisory lock, so two replicas ticking together do each row once.
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private readonly logger: Logger;

  constructor(private readonly options: PeriodicJobOptions) {
    if (!Number.isInteger(options.intervalMs) || options.intervalMs <= 0) {
      throw new Error(`periodic job ${options.name}: the interval must be a positive number of ms`);
    }
    this.logger = options.logger ?? new Logger(options.name);
  }

  get name(): string {
    return this.options.name;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    if (this.options.runAtStart) void this.runOnce();
  }

  /** Runs now unless a run is in flight (then waits for that one); resolves when it has finished. */
  runOnce(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.execute().finally(() => (this.running = undefined));
    return this.running;
  }

  /** No new run starts; resolves once the run in flight, if any, has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async execute(): Promise<void> {
    const job = this.options.name;
    try {
      const report = await this.options.run();
      periodicJobLastRun.set({ job, outcome: 'ok' }, Date.now() / 1000);
      if (report) this.logger[this.options.reportLevel ?? 'log'](report);
    } catch (error) {
      periodicJobLastRun.set({ job, outcome: 'failed' }, Date.now() / 1000);
      periodicJobFailures.inc({ job });
      this.logger.error(`${job} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * A Nest provider that owns one PeriodicJob: started once the application is up, stopped in
 * beforeApplicationShutdown, i.e. before any onApplicationShutdown hook closes the database pool or Kafka.
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly job: PeriodicJob;

  onApplicationBootstrap(): void {
    this.job.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
