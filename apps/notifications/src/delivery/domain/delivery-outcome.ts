import type { DeliveryStatus } from '@pressconf/contracts';
import { DeliveryKind, reportsInvitationOutcome } from './delivery-kind';
import { notSent } from './resend';
import { nextStep, RetryPolicy, SendOutcome } from './retry-policy';

/** What became of one attempt: the channel's outcome, or a message that no longer applies. */
export type Attempt = SendOutcome | { kind: 'skipped'; reason: string };

/** The delivery as leased: what its outcome depends on. */
export interface AttemptedDelivery {
  id: string;
  kind: DeliveryKind;
  attempts: number;
  attemptsBeforeResend: number;
  invitationId: string | null;
  conferenceId: string | null;
}

/** How an attempt leaves the delivery's row; `sent` is null unless the mail server accepted it. */
export interface DeliveryOutcome {
  id: string;
  status: DeliveryStatus;
  /** The next attempt's time while it stays PENDING. */
  retryAt: Date | null;
  sent: { at: Date; response: string; messageId: string } | null;
  lastError: string | null;
  /** Whether the invitation's sent/failed event is due: a notice about one invitation that reached its end. */
  reportsInvitation: boolean;
  /** The metric's outcome. */
  metric: 'sent' | 'failed' | 'retry' | 'skipped';
}

/**
 * The outcome of an attempt. A resend by hand gets the policy's attempts afresh (`attempts` itself keeps counting
 * every one). A message that no longer applies ends FAILED with the reason, like those the cancellation stops in the
 * queue; it is no delivery failure, so no failed event is due.
 */
export function outcomeOf(
  delivery: AttemptedDelivery,
  attempt: Attempt,
  policy: RetryPolicy,
  at: Date = new Date(),
): DeliveryOutcome {
  const base = { id: delivery.id, retryAt: null, sent: null };
  if (attempt.kind === 'skipped') {
    return {
      ...base,
      status: 'FAILED',
      lastError: notSent(attempt.reason),
      reportsInvitation: false,
      metric: 'skipped',
    };
  }
  const step = nextStep(attempt, delivery.attempts - delivery.attemptsBeforeResend, policy, at);
  const reportsInvitation =
    step.status !== 'PENDING' &&
    reportsInvitationOutcome(delivery.kind) &&
    delivery.invitationId !== null &&
    delivery.conferenceId !== null;
  if (attempt.kind === 'sent') {
    const sent = { at, response: attempt.response, messageId: attempt.messageId };
    return { ...base, status: 'SENT', sent, lastError: null, reportsInvitation, metric: 'sent' };
  }
  if (step.status === 'PENDING') {
    return {
      ...base,
      status: 'PENDING',
      retryAt: step.retryAt,
      lastError: attempt.error,
      reportsInvitation,
      metric: 'retry',
    };
  }
  return { ...base, status: 'FAILED', lastError: attempt.error, reportsInvitation, metric: 'failed' };
}
