import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@pressconf/messaging';
import { AgenciesModule } from './agencies/agencies.module';
import { ConferencesModule } from './conferences/conferences.module';
import { IncidentsModule } from './incidents/incidents.module';
import { SeriesModule } from './series/series.module';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database/schema';

@Module({
  imports: [
    ServiceMessagingModule.forService({
      service: 'scheduling',
      entities: SCHEDULING_ENTITIES,
      migrations: SCHEDULING_MIGRATIONS,
    }),
    AgenciesModule,
    ConferencesModule,
    IncidentsModule,
    SeriesModule,
  ],
})
export class AppModule {}
