import { Module } from '@nestjs/common';
import { RegistryCopy } from './application/registry-copy';
import { AgencyEventsController } from './interface/agency-events.controller';

/** notifications' own copy of the agency registry, fed by `scheduling.agency.v1`. */
@Module({
  controllers: [AgencyEventsController],
  providers: [RegistryCopy],
  exports: [RegistryCopy],
})
export class RegistryModule {}
