import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret as Standard Webhooks writes it: `whsec_` and the base64 of 32 random bytes. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The previous secret signs beside the new one this long after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface SubscriptionSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
export function signingSecrets(subscription: SubscriptionSecrets, now: Date = new Date()): string[] {
  const { secret, previousSecret, previousSecretExpiresAt } = subscription;
  const overlapping = previousSecret && previousSecretExpiresAt && previousSecretExpiresAt > now;
  return overlapping ? [secret, previousSecret] : [secret];
}

/**
 * The Standard Webhooks headers of one attempt: the event id, the attempt's time (so that a receiver's replay
 * window accepts a retry) and one `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, space-separated.
 * The signing itself is the reference implementation's (`standardwebhooks`).
 */
export function signatureHeaders(
  eventId: string,
  body: string,
  secrets: readonly string[],
  at: Date = new Date(),
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(eventId, at, body)).join(' '),
  };
}
