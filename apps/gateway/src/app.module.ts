import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import {
  AuditRetention,
  HttpMetricsMiddleware,
  loadConfig,
  loggerOptions,
  ProblemFilter,
  RequestContextMiddleware,
  serviceDataSourceOptions,
  TracingShutdown,
} from '@pressconf/messaging';
import { GatewayMetricsController } from './metrics.controller';
import { AsyncApiController } from './openapi/asyncapi.controller';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { AgenciesController } from './agencies/agencies.controller';
import { ActorGuard } from './auth/actor.guard';
import { ApiKeysController } from './auth/api-keys.controller';
import { ApiKeysService } from './auth/api-keys.service';
import { JwtVerifier } from './auth/jwt-verifier';
import { KeyThrottlerGuard } from './auth/key-throttler.guard';
import { AuthFailures } from './auth/auth-failures';
import { Authentication } from './auth/authentication';
import { gatewayThrottlers } from './auth/throttlers';
import { IdempotencySweep } from './idempotency/idempotency-sweep';
import { ConferencesController } from './conferences/conferences.controller';
import { ConferencePreparationController } from './conferences/conference-preparation.controller';
import { HealthController } from './health/health.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { BriefRequestsController } from './briefs/brief-requests.controller';
import { BriefsController } from './briefs/briefs.controller';
import { BriefingPackController } from './briefing-pack/briefing-pack.controller';
import { RsvpController } from './invitations/rsvp.controller';
import { InviteePageController } from './invitee-page/invitee-page.controller';
import { InviteePages } from './invitee-page/invitee-pages';
import { PageFiles } from './invitee-page/page-files';
import { SeriesController } from './series/series.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { ReportsController } from './reports/reports.controller';
import { ObstacleReportsController } from './obstacle-reports/obstacle-reports.controller';
import { InformationOffersController } from './information-offers/information-offers.controller';
import { WebhookSubscriptionsController } from './webhooks/webhook-subscriptions.controller';
import { ServicesModule } from './services/services.module';
import { AuditEventsController } from './audit/audit-events.controller';
import { AuditTrail } from './audit/audit-trail';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { type GatewayConfig, gatewayEnv } from './config';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (env) => loadConfig(gatewayEnv, env) }),
    LoggerModule.forRoot(loggerOptions('gateway')),
    TypeOrmModule.forRoot({
      ...serviceDataSourceOptions('gateway', GATEWAY_ENTITIES, GATEWAY_MIGRATIONS, { messaging: false }),
      migrationsRun: true,
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayConfig, true>) => ({
        throttlers: gatewayThrottlers({
          GATEWAY_RATE_LIMIT: config.get('GATEWAY_RATE_LIMIT', { infer: true }),
          GATEWAY_RATE_WINDOW_MS: config.get('GATEWAY_RATE_WINDOW_MS', { infer: true }),
          GATEWAY_RSVP_ADDRESS_RATE_LIMIT: config.get('GATEWAY_RSVP_ADDRESS_RATE_LIMIT', { infer: true }),
          GATEWAY_RSVP_TOKEN_RATE_LIMIT: config.get('GATEWAY_RSVP_TOKEN_RATE_LIMIT', { infer: true }),
        }),
      }),
    }),
    TerminusModule,
    ServicesModule,
  ],
  controllers: [
    GatewayMetricsController,
    AsyncApiController,
    ApiKeysController,
    AgenciesController,
    ConferencesController,
    ConferencePreparationController,
    SeriesController,
    IncidentsController,
    RsvpController,
    InviteePageController,
    BriefRequestsController,
    BriefsController,
    BriefingPackController,
    DeliveriesController,
    ReportsController,
    ObstacleReportsController,
    InformationOffersController,
    WebhookSubscriptionsController,
    AuditEventsController,
    HealthController,
  ],
  providers: [
    ApiKeysService,
    JwtVerifier,
    AuthFailures,
    Authentication,
    IdempotencySweep,
    // The gateway's own trail (its API keys): its month partitions made ahead and dropped past the retention.
    AuditRetention,
    AuditTrail,
    PageFiles,
    InviteePages,
    TracingShutdown,
    // In this order: the limit is per authenticated caller (failed authentication is limited by ActorGuard itself).
    { provide: APP_GUARD, useClass: ActorGuard },
    { provide: APP_GUARD, useClass: KeyThrottlerGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }
}
