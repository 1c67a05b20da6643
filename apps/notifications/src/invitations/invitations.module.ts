import { Module } from '@nestjs/common';
import { BriefsModule } from '../briefs/briefs.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { InvitationsService } from './application/invitations.service';
import { LetterNumbers } from './application/letter-numbers';
import { RsvpService } from './application/rsvp.service';
import { UrgentAckWatch } from './application/urgent-ack-watch';
import { InvitationsController } from './interface/invitations.controller';
import { RsvpController } from './interface/rsvp.controller';

/** Invitations from scheduling's calls, their changes, the invitees' answers by token and urgent reminders. */
@Module({
  imports: [DeliveryModule, BriefsModule],
  controllers: [InvitationsController, RsvpController],
  providers: [InvitationsService, LetterNumbers, RsvpService, UrgentAckWatch],
})
export class InvitationsModule {}
