import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { IncidentAlertsService } from './application/incident-alerts.service';
import { IncidentEventsController } from './interface/incident-events.controller';

/** The hosts' alert when an incident's 24-hour deadline passes with no extraordinary conference called. */
@Module({
  imports: [DeliveryModule],
  controllers: [IncidentEventsController],
  providers: [IncidentAlertsService],
})
export class IncidentsModule {}
