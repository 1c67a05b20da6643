import { Module } from '@nestjs/common';
import { BriefsModule } from '../briefs/briefs.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { ConferenceChangesService } from './application/conference-changes.service';
import { InviteeReminderWatch } from './application/invitee-reminder-watch';
import { InvitationsService } from './application/invitations.service';
import { LetterNumbers } from './application/letter-numbers';
import { RsvpService } from './application/rsvp.service';
import { UrgentAckWatch } from './application/urgent-ack-watch';
import { InvitationsController } from './interface/invitations.controller';
import { RsvpController } from './interface/rsvp.controller';

/** Invitations from scheduling's calls, their changes, the invitees' answers by token and their reminders. */
@Module({
  imports: [DeliveryModule, BriefsModule],
  controllers: [InvitationsController, RsvpController],
  providers: [
    InvitationsService,
    ConferenceChangesService,
    LetterNumbers,
    RsvpService,
    UrgentAckWatch,
    InviteeReminderWatch,
  ],
})
export class InvitationsModule {}
