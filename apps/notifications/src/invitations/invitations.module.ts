import { Module } from '@nestjs/common';
import { MailTemplates } from '../rendering';
import { DeliveryWorker, RETRY_POLICY } from '../delivery/application/delivery-worker';
import { NOTIFICATION_CHANNEL } from '../delivery/application/channel';
import { MessageComposer } from '../delivery/application/message-composer';
import { retryPolicyFromEnv } from '../delivery/domain/retry-policy';
import { EmailChannel } from '../delivery/infrastructure/email-channel';
import { InvitationsService } from './application/invitations.service';
import { LetterNumbers } from './application/letter-numbers';
import { InvitationsController } from './interface/invitations.controller';

@Module({
  controllers: [InvitationsController],
  providers: [
    InvitationsService,
    LetterNumbers,
    MessageComposer,
    DeliveryWorker,
    { provide: MailTemplates, useFactory: () => new MailTemplates(undefined, { zone: process.env.TZ_DISPLAY }) },
    { provide: NOTIFICATION_CHANNEL, useClass: EmailChannel },
    { provide: RETRY_POLICY, useFactory: retryPolicyFromEnv },
  ],
})
export class InvitationsModule {}
