/**
 * When a failed webhook delivery is tried again: exponential backoff (doubling from the first delay, capped), for
 * as long as the give-up window (3 days by default, so well over the contract's 24 hours of retries). A delivery
 * failing for the whole window is given up; a subscription with nothing accepted for that long is disabled.
 */
export interface WebhookRetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** How long a delivery keeps being retried, and a subscription may keep failing before it is disabled. */
  giveUpAfterMs: number;
}

export const HOUR_MS = 3_600_000;

/** The delay after the `attempts`-th failed attempt (1 for the first). */
export function retryDelay(attempts: number, policy: WebhookRetryPolicy): number {
  // 2 ** n overflows to Infinity for large n, which the cap turns back into the longest delay.
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempts - 1));
}

export type AfterFailure = { retryAt: Date } | { giveUp: true };

/**
 * After a failed attempt: the next attempt, or give up once the delivery has failed since `failingSince` (its first
 * failed attempt since it was queued or retried by hand) for the whole window. The last retry falls at the window's
 * end rather than after it.
 */
export function afterFailure(
  delivery: { attempts: number; failingSince: Date },
  policy: WebhookRetryPolicy,
  now: Date = new Date(),
): AfterFailure {
  const end = delivery.failingSince.getTime() + policy.giveUpAfterMs;
  if (now.getTime() >= end) return { giveUp: true };
  return { retryAt: new Date(Math.min(end, now.getTime() + retryDelay(delivery.attempts, policy))) };
}

/** A subscription whose receiver has accepted nothing since `failingSince`, for the whole window, is disabled. */
export function disablesSubscription(
  failingSince: Date | null,
  policy: WebhookRetryPolicy,
  now: Date = new Date(),
): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= policy.giveUpAfterMs;
}
