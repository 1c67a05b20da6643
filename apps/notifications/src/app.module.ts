import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { loadConfig } from '@pressconf/messaging';
import { notificationsEnv } from './config';
import { ServiceMessagingModule } from '@pressconf/messaging';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './database/schema';
import { BriefsModule } from './briefs/briefs.module';
import { DeliveryModule } from './delivery/delivery.module';
import { IncidentsModule } from './incidents/incidents.module';
import { InvitationsModule } from './invitations/invitations.module';
import { PlanMailModule } from './plan-mail/plan-mail.module';
import { RegistryModule } from './registry/registry.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    // The validated, typed configuration (ConfigService); a wrong value stops the service, naming the variable.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (env) => loadConfig(notificationsEnv, env) }),
    ServiceMessagingModule.forService({
      service: 'notifications',
      entities: NOTIFICATIONS_ENTITIES,
      migrations: NOTIFICATIONS_MIGRATIONS,
    }),
    DeliveryModule,
    InvitationsModule,
    BriefsModule,
    IncidentsModule,
    RegistryModule,
    PlanMailModule,
    WebhooksModule,
  ],
})
export class AppModule {}
