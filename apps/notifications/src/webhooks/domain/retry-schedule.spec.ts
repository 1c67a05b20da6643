import { afterFailure, disablesSubscription, HOUR_MS, retryDelay, WebhookRetryPolicy } from './retry-schedule';

/** When a receiver down for good gets its attempts (ms after the first), until the delivery is given up. */
function schedule(policy: WebhookRetryPolicy): number[] {
  const times = [0];
  while (times[times.length - 1] < policy.giveUpAfterMs) {
    const now = new Date(t0.getTime() + times[times.length - 1]);
    const next = afterFailure({ attempts: times.length, failingSince: t0 }, policy, now);
    if ('giveUp' in next) break;
    times.push(next.retryAt.getTime() - t0.getTime());
  }
  return times;
}

const policy: WebhookRetryPolicy = { initialDelayMs: 5_000, maxDelayMs: HOUR_MS, giveUpAfterMs: 72 * HOUR_MS };
const t0 = new Date('2027-03-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('webhook retry schedule', () => {
  it('doubles from the first delay up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, policy))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(retryDelay(11, policy)).toBe(HOUR_MS);
    expect(retryDelay(5_000, policy)).toBe(HOUR_MS);
  });

  it('keeps retrying for at least 24 hours, then hourly until the 3 days are over', () => {
    const times = schedule(policy);
    expect(times.filter((t) => t <= 24 * HOUR_MS).length).toBeGreaterThan(20);
    expect(times.some((t) => t >= 24 * HOUR_MS && t < 25 * HOUR_MS)).toBe(true);
    expect(times[times.length - 1]).toBe(72 * HOUR_MS);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(Math.max(...gaps)).toBe(HOUR_MS);
  });

  it('retries after the delay of the attempt count, never past the window', () => {
    expect(afterFailure({ attempts: 3, failingSince: t0 }, policy, at(1_000))).toEqual({ retryAt: at(21_000) });
    expect(afterFailure({ attempts: 90, failingSince: t0 }, policy, at(71.5 * HOUR_MS))).toEqual({
      retryAt: at(72 * HOUR_MS),
    });
  });

  it('gives a delivery up once it has failed for the whole window', () => {
    expect(afterFailure({ attempts: 80, failingSince: t0 }, policy, at(72 * HOUR_MS))).toEqual({ giveUp: true });
  });

  it('disables a subscription that accepted nothing for the window, not one that delivers', () => {
    expect(disablesSubscription(t0, policy, at(72 * HOUR_MS))).toBe(true);
    expect(disablesSubscription(t0, policy, at(71 * HOUR_MS))).toBe(false);
    expect(disablesSubscription(null, policy, at(100 * HOUR_MS))).toBe(false);
  });
});
