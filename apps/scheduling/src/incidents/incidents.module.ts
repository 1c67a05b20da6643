import { Module } from '@nestjs/common';
import { DeadlineWatch } from './application/deadline-watch';
import { IncidentsService } from './application/incidents.service';
import { IncidentsController } from './interface/incidents.controller';

@Module({
  controllers: [IncidentsController],
  providers: [IncidentsService, DeadlineWatch],
})
export class IncidentsModule {}
