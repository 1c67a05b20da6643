import { Module } from '@nestjs/common';
import { DeadlineWatch } from './application/deadline-watch';
import { IncidentsService } from './application/incidents.service';
import { ListIncidents } from './application/list-incidents';
import { IncidentsController } from './interface/incidents.controller';
import { OnInformationOfferDecidedHandler } from './interface/on-information-offer-decided.handler';

@Module({
  controllers: [IncidentsController, OnInformationOfferDecidedHandler],
  providers: [IncidentsService, ListIncidents, DeadlineWatch],
})
export class IncidentsModule {}
