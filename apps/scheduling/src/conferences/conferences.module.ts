import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ConferencesService } from './application/conferences.service';
import { ConferencesController } from './interface/conferences.controller';
import { OnRsvpReceivedHandler } from './interface/on-rsvp-received.handler';

@Module({
  imports: [AgenciesModule],
  controllers: [ConferencesController, OnRsvpReceivedHandler],
  providers: [ConferencesService],
})
export class ConferencesModule {}
