import type { DeliveryStatus } from '@pressconf/contracts';

/** How a message that no longer applied is recorded: FAILED, its `lastError` saying why it was not sent. */
const NOT_SENT = 'not sent: ';

export function notSent(reason: string): string {
  return `${NOT_SENT}${reason}`;
}

export interface ResendCandidate {
  status: DeliveryStatus;
  lastError: string | null;
}

/**
 * Why a delivery cannot be queued again by hand, or undefined when it can: only a message the mail server or the
 * network failed, once per failure (queued again it is PENDING until it fails anew). One that was not sent because
 * it no longer applied would be dropped again.
 */
export function resendRefusal(delivery: ResendCandidate): string | undefined {
  if (delivery.status === 'PENDING') return 'it is already queued';
  if (delivery.status === 'SENT') return 'the mail server has accepted it';
  if (delivery.lastError?.startsWith(NOT_SENT)) {
    return `it was not sent because it no longer applied (${delivery.lastError.slice(NOT_SENT.length)})`;
  }
  return undefined;
}
