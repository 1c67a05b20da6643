import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NotificationsConfig } from '../config';
import { DeliveryModule } from '../delivery/delivery.module';
import { ManageWebhookSubscriptions } from './application/manage-subscriptions';
import { WebhookDeliveryLog } from './application/webhook-delivery-log';
import { WebhookFanOut } from './application/webhook-fan-out';
import { WEBHOOK_RETRY_POLICY, WebhookOutcomes } from './application/webhook-outcomes';
import { WebhookWorker } from './application/webhook-worker';
import { HOUR_MS, WebhookRetryPolicy } from './domain/retry-schedule';
import { WebhookSender } from './infrastructure/webhook-sender';
import { WebhookTargets } from './infrastructure/webhook-targets';
import { WebhookEventsHandler } from './interface/webhook-events.handler';
import { WebhookSubscriptionsController } from './interface/webhook-subscriptions.controller';

/**
 * Signed webhooks (Standard Webhooks): the admins' subscriptions, every event of the contract's topics queued for
 * the subscribers who asked for it, and the worker that signs and sends them in order, with retries.
 */
@Module({
  imports: [DeliveryModule],
  controllers: [WebhookSubscriptionsController, WebhookEventsHandler],
  providers: [
    ManageWebhookSubscriptions,
    WebhookDeliveryLog,
    WebhookFanOut,
    WebhookOutcomes,
    WebhookWorker,
    WebhookSender,
    WebhookTargets,
    {
      provide: WEBHOOK_RETRY_POLICY,
      inject: [ConfigService],
      useFactory: (config: ConfigService<NotificationsConfig, true>): WebhookRetryPolicy => ({
        initialDelayMs: config.get('WEBHOOK_RETRY_INITIAL_MS', { infer: true }),
        maxDelayMs: config.get('WEBHOOK_RETRY_MAX_MS', { infer: true }),
        giveUpAfterMs: config.get('WEBHOOK_DISABLE_AFTER_HOURS', { infer: true }) * HOUR_MS,
      }),
    },
  ],
})
export class WebhooksModule {}
