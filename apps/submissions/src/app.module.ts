import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadConfig } from '@pressconf/messaging';
import { submissionsEnv } from './config';
import { ServiceMessagingModule } from '@pressconf/messaging';
import { BriefRequestsModule } from './brief-requests/brief-requests.module';
import { BriefingPackModule } from './briefing-pack/briefing-pack.module';
import { BriefsModule } from './briefs/briefs.module';
import { SUBMISSIONS_ENTITIES, SUBMISSIONS_MIGRATIONS } from './database/schema';
import { OrientationModule } from './orientation/orientation.module';
import { ReviewModule } from './review/review.module';
import { ObstacleReportsModule } from './obstacle-reports/obstacle-reports.module';
import { InformationOffersModule } from './information-offers/information-offers.module';

@Module({
  imports: [
    // The validated, typed configuration (ConfigService); a wrong value stops the service, naming the variable.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (env) => loadConfig(submissionsEnv, env) }),
    ServiceMessagingModule.forService({
      service: 'submissions',
      entities: SUBMISSIONS_ENTITIES,
      migrations: SUBMISSIONS_MIGRATIONS,
    }),
    BriefRequestsModule,
    BriefsModule,
    ReviewModule,
    OrientationModule,
    BriefingPackModule,
    ObstacleReportsModule,
    InformationOffersModule,
  ],
})
export class AppModule {}
