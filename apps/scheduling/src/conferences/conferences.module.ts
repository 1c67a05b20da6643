import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ConferenceAnnouncements } from './application/conference-announcements';
import { ConferencePreparationService } from './application/conference-preparation.service';
import { ConferencesService } from './application/conferences.service';
import { EditDraftConference } from './application/edit-draft-conference';
import { HostAccess } from './application/host-access';
import { ParticipantResolution } from './application/participant-resolution';
import { ConferencePreparationController } from './interface/conference-preparation.controller';
import { ConferencesController } from './interface/conferences.controller';
import { OnRsvpReceivedHandler } from './interface/on-rsvp-received.handler';

@Module({
  imports: [AgenciesModule],
  controllers: [ConferencesController, ConferencePreparationController, OnRsvpReceivedHandler],
  providers: [
    ConferencesService,
    ConferencePreparationService,
    ConferenceAnnouncements,
    ParticipantResolution,
    EditDraftConference,
    HostAccess,
  ],
})
export class ConferencesModule {}
