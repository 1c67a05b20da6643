import type { NotificationsConfig } from '../../config';
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export function retryPolicyFromEnv(
  config: Pick<NotificationsConfig, 'MAIL_MAX_ATTEMPTS' | 'MAIL_RETRY_INITIAL_MS' | 'MAIL_RETRY_MAX_MS'>,
): RetryPolicy {
  return {
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    initialDelayMs: config.MAIL_RETRY_INITIAL_MS,
    maxDelayMs: config.MAIL_RETRY_MAX_MS,
  };
}

export type SendOutcome =
  { kind: 'sent'; response: string; messageId: string } | { kind: 'failed'; error: string; temporary: boolean };

export type NextStep = { status: 'SENT' } | { status: 'PENDING'; retryAt: Date } | { status: 'FAILED' };

/** After an attempt: sent, retried later with exponential backoff, or given up. */
export function nextStep(outcome: SendOutcome, attempts: number, policy: RetryPolicy, now = new Date()): NextStep {
  if (outcome.kind === 'sent') return { status: 'SENT' };
  if (!outcome.temporary || attempts >= policy.maxAttempts) return { status: 'FAILED' };
  const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempts - 1));
  return { status: 'PENDING', retryAt: new Date(now.getTime() + delay) };
}

/**
 * SMTP 4xx replies and network failures are worth retrying; 5xx replies (unknown mailbox, refused sender) are
 * final.
 */
export function isTemporaryMailError(error: { responseCode?: number; code?: string }): boolean {
  if (typeof error.responseCode === 'number') return error.responseCode < 500;
  return true;
}
