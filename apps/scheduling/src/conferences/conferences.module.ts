import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ConferencePreparationService } from './application/conference-preparation.service';
import { ConferencesService } from './application/conferences.service';
import { ParticipantResolution } from './application/participant-resolution';
import { ConferencePreparationController } from './interface/conference-preparation.controller';
import { ConferencesController } from './interface/conferences.controller';
import { OnRsvpReceivedHandler } from './interface/on-rsvp-received.handler';

@Module({
  imports: [AgenciesModule],
  controllers: [ConferencesController, ConferencePreparationController, OnRsvpReceivedHandler],
  providers: [ConferencesService, ConferencePreparationService, ParticipantResolution],
})
export class ConferencesModule {}
