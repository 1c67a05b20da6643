import { Module } from '@nestjs/common';
import { MailTemplates } from '../rendering';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './application/channel';
import { ChannelRegistry } from './application/channel-registry';
import { DeliveryQueue } from './application/delivery-queue';
import { DeliveryWorker, RETRY_POLICY } from './application/delivery-worker';
import { MessageComposer } from './application/message-composer';
import { retryPolicyFromEnv } from './domain/retry-policy';
import { EmailChannel } from './infrastructure/email-channel';

/**
 * Sending: the queue every feature adds mail to, the worker that renders and sends it through the channel each
 * delivery names, with retries and the sent/failed events.
 */
@Module({
  providers: [
    DeliveryQueue,
    DeliveryWorker,
    MessageComposer,
    ChannelRegistry,
    EmailChannel,
    // A new channel (SMS, chat app) is one more provider in this list.
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [EmailChannel],
      useFactory: (email: EmailChannel): NotificationChannel[] => [email],
    },
    { provide: MailTemplates, useFactory: () => new MailTemplates(undefined, { zone: process.env.TZ_DISPLAY }) },
    { provide: RETRY_POLICY, useFactory: retryPolicyFromEnv },
  ],
  exports: [DeliveryQueue, MessageComposer],
})
export class DeliveryModule {}
