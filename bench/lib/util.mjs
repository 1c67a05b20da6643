// Small helpers shared by the benchmarks: clock, percentiles, ports, polling.
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Wall-clock milliseconds with sub-millisecond resolution (comparable across processes on this machine). */
export const now = () => performance.timeOrigin + performance.now();

/** Nearest-rank percentile of an array of numbers (not necessarily sorted). */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function summarize(values) {
  if (values.length === 0) return { count: 0, p50: null, p99: null, max: null, mean: null };
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

export const round = (x, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits));

/** A port nobody listens on right now (on 127.0.0.1). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a truthy value; throws after `timeoutMs`. */
export async function until(check, { timeoutMs, everyMs = 100, what = 'condition' }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(everyMs);
  }
}

/** `20270115T093000` style stamp for file names. */
export function stamp(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}
