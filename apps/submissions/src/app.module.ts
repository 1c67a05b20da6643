import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@pressconf/messaging';
import { BriefRequestsModule } from './brief-requests/brief-requests.module';
import { SUBMISSIONS_ENTITIES, SUBMISSIONS_MIGRATIONS } from './database/schema';

@Module({
  imports: [
    ServiceMessagingModule.forService({
      service: 'submissions',
      entities: SUBMISSIONS_ENTITIES,
      migrations: SUBMISSIONS_MIGRATIONS,
    }),
    BriefRequestsModule,
  ],
})
export class AppModule {}
