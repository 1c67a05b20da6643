import { Module } from '@nestjs/common';
import { LetterRenderer, MailTemplates } from '../rendering';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './application/channel';
import { ChannelRegistry } from './application/channel-registry';
import { DeliveryQueue } from './application/delivery-queue';
import { DeliveryWorker, RETRY_POLICY } from './application/delivery-worker';
import { MessageComposer } from './application/message-composer';
import { InviteeMail } from './application/invitee-mail';
import { InvitationDocuments } from './application/invitation-documents';
import { retryPolicyFromEnv } from './domain/retry-policy';
import { EmailChannel } from './infrastructure/email-channel';
import type { NotificationsConfig } from '../config';
import { ConfigService } from '@nestjs/config';
import { InvitationTokens } from '../invitations/application/invitation-tokens';
import { ListDeliveries } from './application/list-deliveries';
import { ResendDelivery } from './application/resend-delivery';
import { DeliveriesController } from './interface/deliveries.controller';
import { PlanMailRenderer } from '../plan-mail/application/plan-mail-renderer';
import { WebhookDisabledMail } from '../webhooks/application/webhook-disabled-mail';

/**
 * Sending: the queue every feature adds mail to, the worker that renders and sends it through the channel each
 * delivery names, with retries and the sent/failed events; the list of every message and the resend by hand.
 */
@Module({
  controllers: [DeliveriesController],
  providers: [
    DeliveryQueue,
    ListDeliveries,
    ResendDelivery,
    DeliveryWorker,
    MessageComposer,
    InviteeMail,
    // Renders mail about obstacle reports and offers; the plan-mail module queues it.
    PlanMailRenderer,
    // Renders the admins' mail about a disabled webhook subscription; the webhooks module queues it.
    WebhookDisabledMail,
    InvitationDocuments,
    LetterRenderer,
    // The invitees' links in mail; the invitations module reads them with the same key.
    InvitationTokens,
    ChannelRegistry,
    EmailChannel,
    // A new channel (SMS, chat app) is one more provider in this list.
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [EmailChannel],
      useFactory: (email: EmailChannel): NotificationChannel[] => [email],
    },
    {
      provide: MailTemplates,
      inject: [ConfigService],
      useFactory: (config: ConfigService<NotificationsConfig, true>) =>
        new MailTemplates(config.get('NOTIFICATIONS_TEMPLATES_DIR', { infer: true }), {
          zone: config.get('TZ_DISPLAY', { infer: true }),
        }),
    },
    {
      provide: RETRY_POLICY,
      inject: [ConfigService],
      useFactory: (config: ConfigService<NotificationsConfig, true>) =>
        retryPolicyFromEnv({
          MAIL_MAX_ATTEMPTS: config.get('MAIL_MAX_ATTEMPTS', { infer: true }),
          MAIL_RETRY_INITIAL_MS: config.get('MAIL_RETRY_INITIAL_MS', { infer: true }),
          MAIL_RETRY_MAX_MS: config.get('MAIL_RETRY_MAX_MS', { infer: true }),
        }),
    },
  ],
  exports: [DeliveryQueue, InvitationDocuments, InvitationTokens],
})
export class DeliveryModule {}
