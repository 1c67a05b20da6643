import type { WebhookDeliveryView, WebhookSubscriptionView } from '@pressconf/contracts';
import type { WebhookAttemptEntity } from '../infrastructure/webhook-attempt.entity';
import type { WebhookDeliveryEntity } from '../infrastructure/webhook-delivery.entity';
import type { WebhookSubscriptionEntity } from '../infrastructure/webhook-subscription.entity';

/** The subscription as admins see it; `secret` only when it was just issued. */
export function toSubscriptionView(s: WebhookSubscriptionEntity, issuedSecret?: string): WebhookSubscriptionView {
  const overlapping = s.previousSecretExpiresAt && s.previousSecretExpiresAt > new Date();
  return {
    id: s.id,
    url: s.url,
    eventTypes: s.eventTypes,
    description: s.description,
    enabled: s.enabled,
    disabledReason: s.disabledReason,
    failingSince: iso(s.failingSince),
    previousSecretExpiresAt: overlapping ? iso(s.previousSecretExpiresAt) : null,
    ...(issuedSecret ? { secret: issuedSecret } : {}),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryView(d: WebhookDeliveryEntity, attempts: WebhookAttemptEntity[]): WebhookDeliveryView {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    eventId: d.eventId,
    eventType: d.eventType,
    orderingKey: d.orderingKey,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastDurationMs: d.lastDurationMs,
    lastAttemptAt: iso(d.lastAttemptAt),
    nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: iso(d.deliveredAt),
    lastError: d.lastError,
    queuedAt: d.createdAt.toISOString(),
    attemptLog: attempts
      .sort((a, b) => a.attempt - b.attempt)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        durationMs: a.durationMs,
        error: a.error,
      })),
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
