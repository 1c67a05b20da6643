import { Logger } from '@nestjs/common';
import { metricsRegistry } from '../metrics/metrics';
import { PeriodicJob, ScheduledJob } from './periodic-job';

const quiet = () => {
  const logger = new Logger('test');
  jest.spyOn(logger, 'log').mockImplementation(() => undefined);
  jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  return logger;
};

async function metric(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const found = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = found?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return value?.value;
}

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs every interval, never two runs at once', async () => {
    let release: () => void = () => undefined;
    const run = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const job = new PeriodicJob({ name: 'overlap', intervalMs: 1_000, run, logger: quiet() });
    job.start();
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(3_000); // still running: no second run
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await job.stop();
  });

  it('runs at start when asked', async () => {
    const run = jest.fn(() => Promise.resolve());
    const job = new PeriodicJob({ name: 'at-start', intervalMs: 60_000, run, runAtStart: true, logger: quiet() });
    job.start();
    expect(run).toHaveBeenCalledTimes(1);
    await job.stop();
  });

  it('measures the last run and counts failures, and keeps running after one', async () => {
    const run = jest
      .fn<Promise<string | undefined>, []>()
      .mockRejectedValueOnce(new Error('database away'))
      .mockResolvedValue('done');
    const logger = new Logger('test');
    const log = jest.spyOn(logger, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const job = new PeriodicJob({ name: 'measured', intervalMs: 1_000, run, logger });
    jest.setSystemTime(new Date('2027-01-01T00:00:00Z'));
    job.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(error).toHaveBeenCalledWith('measured failed: database away');
    expect(await metric('periodic_job_failures_total', { job: 'measured' })).toBe(1);
    expect(await metric('periodic_job_last_run_timestamp_seconds', { job: 'measured', outcome: 'failed' })).toBe(
      Date.parse('2027-01-01T00:00:01Z') / 1000,
    );
    await jest.advanceTimersByTimeAsync(1_000);
    expect(log).toHaveBeenCalledWith('done');
    expect(await metric('periodic_job_last_run_timestamp_seconds', { job: 'measured', outcome: 'ok' })).toBe(
      Date.parse('2027-01-01T00:00:02Z') / 1000,
    );
    expect(await metric('periodic_job_failures_total', { job: 'measured' })).toBe(1);
    await job.stop();
  });

  it('stop() waits for the run in flight and no run starts after it', async () => {
    let finished = false;
    let release: () => void = () => undefined;
    const run = jest.fn(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
    });
    const job = new PeriodicJob({ name: 'stopping', intervalMs: 1_000, run, logger: quiet() });
    job.start();
    await jest.advanceTimersByTimeAsync(1_000);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
    await job.runOnce();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('refuses an interval that is not a positive number of ms', () => {
    expect(() => new PeriodicJob({ name: 'bad', intervalMs: Number.NaN, run: () => Promise.resolve() })).toThrow(
      /periodic job bad: the interval/,
    );
  });

  it('as a Nest provider: starts at bootstrap and stops before the application shuts down', async () => {
    const run = jest.fn(() => Promise.resolve());
    class Watch extends ScheduledJob {
      readonly job = new PeriodicJob({ name: 'provider', intervalMs: 1_000, run, logger: quiet() });
    }
    const watch = new Watch();
    watch.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await watch.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
