import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadConfig } from '@pressconf/messaging';
import { schedulingEnv } from './config';
import { ServiceMessagingModule } from '@pressconf/messaging';
import { AgenciesModule } from './agencies/agencies.module';
import { ConferencesModule } from './conferences/conferences.module';
import { IncidentsModule } from './incidents/incidents.module';
import { SeriesModule } from './series/series.module';
import { ReportingModule } from './reporting/reporting.module';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database/schema';

@Module({
  imports: [
    // The validated, typed configuration (ConfigService); a wrong value stops the service, naming the variable.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (env) => loadConfig(schedulingEnv, env) }),
    ServiceMessagingModule.forService({
      service: 'scheduling',
      entities: SCHEDULING_ENTITIES,
      migrations: SCHEDULING_MIGRATIONS,
    }),
    AgenciesModule,
    ConferencesModule,
    IncidentsModule,
    SeriesModule,
    ReportingModule,
  ],
})
export class AppModule {}
