export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export function retryPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  return {
    maxAttempts: Number(env.MAIL_MAX_ATTEMPTS ?? 8),
    initialDelayMs: Number(env.MAIL_RETRY_INITIAL_MS ?? 2_000),
    maxDelayMs: Number(env.MAIL_RETRY_MAX_MS ?? 300_000),
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
