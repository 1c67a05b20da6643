import { Module } from '@nestjs/common';
import { ServiceMessagingModule } from '@pressconf/messaging';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './database/schema';
import { InvitationsModule } from './invitations/invitations.module';

@Module({
  imports: [
    ServiceMessagingModule.forService({
      service: 'notifications',
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
    }),
    InvitationsModule,
  ],
})
export class AppModule {}
