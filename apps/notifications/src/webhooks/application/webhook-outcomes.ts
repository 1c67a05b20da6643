import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationsConfig } from '../../config';
import { DeliveryQueue } from '../../delivery/application/delivery-queue';
import { parseAddressList } from '../../incidents/domain/alert-recipients';
import { afterFailure, disablesSubscription, WebhookRetryPolicy } from '../domain/retry-schedule';
import { WebhookAttemptEntity } from '../infrastructure/webhook-attempt.entity';
import { WebhookDeliveryEntity } from '../infrastructure/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from '../infrastructure/webhook-subscription.entity';
import type { PostOutcome } from '../infrastructure/webhook-sender';

export const WEBHOOK_RETRY_POLICY = Symbol('WEBHOOK_RETRY_POLICY');

/**
 * Records what one attempt came to, in one transaction: the attempt in the log, the delivery delivered, retried
 * later or given up, and the subscription's health. A subscription that has accepted nothing for the whole give-up
 * window is disabled and the admins are told by mail, through the mail queue like every other message.
 */
@Injectable()
export class WebhookOutcomes {
  private readonly logger = new Logger(WebhookOutcomes.name);
  private readonly admins = parseAddressList(
    this.config.get('WEBHOOK_ALERT_EMAILS', { infer: true }) ?? this.config.get('HOST_ALERT_EMAILS', { infer: true }),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WEBHOOK_RETRY_POLICY) private readonly policy: WebhookRetryPolicy,
    private readonly mail: DeliveryQueue,
    private readonly config: ConfigService<NotificationsConfig, true>,
  ) {}

  async record(delivery: WebhookDeliveryEntity, outcome: PostOutcome): Promise<void> {
    const now = new Date();
    const attemptedAt = delivery.lastAttemptAt ?? now;
    const delivered = outcome.error === null;
    await this.dataSource.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(WebhookAttemptEntity)
        .values({ deliveryId: delivery.id, attempt: delivery.attempts, at: attemptedAt, ...outcome })
        .orIgnore()
        .execute();
      const last = {
        lockedUntil: null,
        lastStatusCode: outcome.statusCode,
        lastDurationMs: outcome.durationMs,
        lastError: outcome.error,
      };
      if (delivered) {
        await tx.update(WebhookDeliveryEntity, { id: delivery.id }, { ...last, status: 'DELIVERED', deliveredAt: now });
        await tx.update(WebhookSubscriptionEntity, { id: delivery.subscriptionId }, { failingSince: null });
        return;
      }
      const failingSince = delivery.failingSince ?? attemptedAt;
      const next = afterFailure({ attempts: delivery.attempts, failingSince }, this.policy, now);
      await tx.update(
        WebhookDeliveryEntity,
        { id: delivery.id },
        'giveUp' in next
          ? { ...last, failingSince, status: 'FAILED' }
          : { ...last, failingSince, nextAttemptAt: next.retryAt },
      );
      await this.subscriptionFailed(tx, delivery.subscriptionId, attemptedAt, now);
    });
  }

  private async subscriptionFailed(tx: EntityManager, id: string, attemptedAt: Date, now: Date): Promise<void> {
    const subscription = await tx.findOne(WebhookSubscriptionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!subscription) return;
    subscription.failingSince ??= attemptedAt;
    if (subscription.enabled && disablesSubscription(subscription.failingSince, this.policy, now)) {
      subscription.enabled = false;
      subscription.disabledReason = `its receiver accepted no event since ${subscription.failingSince.toISOString()}`;
      this.logger.warn(`webhook subscription ${id} (${subscription.url}) disabled: ${subscription.disabledReason}`);
      await this.tellAdmins(tx, subscription);
    }
    await tx.save(subscription);
  }

  private async tellAdmins(tx: EntityManager, subscription: WebhookSubscriptionEntity): Promise<void> {
    if (this.admins.length === 0) {
      this.logger.error(
        `webhook subscription ${subscription.id} was disabled and nobody can be told: set WEBHOOK_ALERT_EMAILS`,
      );
      return;
    }
    const cause = randomUUID(); // each disabling is told, also of a subscription disabled before
    for (const admin of this.admins) {
      await this.mail.add(tx, {
        kind: 'WEBHOOK_DISABLED',
        cause,
        webhookSubscriptionId: subscription.id,
        recipient: { name: admin.name ?? 'Quản trị viên', email: admin.email, agencyName: 'Quản trị hệ thống' },
      });
    }
  }
}
