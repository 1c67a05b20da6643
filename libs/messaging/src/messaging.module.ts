import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { TerminusModule } from '@nestjs/terminus';
import { databaseUrl, EntityClass, MigrationClass, serviceDataSourceOptions } from './database/database';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { DeadLetters } from './inbox/dead-letters';
import { EventInbox } from './inbox/event-inbox';
import { ProblemFilter } from './http/problem.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { actorTokenPublicKey } from './internal-api/actor-token';
import { InternalAuthGuard } from './internal-api/internal-auth.guard';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { KafkaServerHealth } from './health/kafka-server.health';
import { loggerOptions } from './logging';
import { TracingShutdown } from './tracing/tracing-shutdown';
import { ServiceName } from '@pressconf/contracts';
import { AuditEvents } from './audit/audit-events';
import { AUDIT_EVENTS, auditEventsController, AuditRetention } from './audit/audit-trail.providers';
import { TableWakeups } from './wakeups/table-wakeups';
import { messagingConfig } from './config/shared';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface ServiceMessagingOptions {
  /** Also the database schema, the event `source` and the audience of the actor tokens it accepts. */
  service: ServiceName;
  entities: readonly EntityClass[];
  migrations: readonly MigrationClass[];
}

/**
 * The relay stops before anything closes (its batch finishes while the database pool is still open); the
 * dead-letter producer only after the consumers, whose last message may still need it.
 */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly deadLetters: DeadLetters,
    private readonly wakeups: TableWakeups,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.wakeups.start();
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.wakeups.stop();
    await this.deadLetters.close();
  }
}

/**
 * Everything a service needs to take part in the event flow: its own database schema, the outbox and its
 * relay, the audit trail (its internal route and retention), the idempotent inbox with dead-lettering, the internal HTTP API's actor check, problem+json errors and
 * request context, health, metrics and JSON logs.
 */
@Global()
@Module({})
export class ServiceMessagingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }

  static forService(options: ServiceMessagingOptions): DynamicModule {
    return {
      module: ServiceMessagingModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(options.service)),
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions(options.service, options.entities, options.migrations),
          migrationsRun: true,
        }),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController, auditEventsController(options.service)],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        {
          provide: AUDIT_EVENTS,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new AuditEvents(dataSource, options.service),
        },
        AuditRetention,
        { provide: Outbox, useFactory: () => new Outbox(options.service) },
        { provide: TableWakeups, useFactory: () => new TableWakeups(databaseUrl(), options.service) },
        {
          provide: OutboxRelay,
          inject: [DataSource, TableWakeups],
          useFactory: (dataSource: DataSource, wakeups: TableWakeups) =>
            new OutboxRelay(dataSource, {
              service: options.service,
              pollIntervalMs: messagingConfig().OUTBOX_POLL_INTERVAL_MS,
              wakeups,
            }),
        },
        { provide: DeadLetters, useFactory: () => new DeadLetters(options.service) },
        {
          provide: EventInbox,
          inject: [DataSource, DeadLetters],
          useFactory: (dataSource: DataSource, deadLetters: DeadLetters) => new EventInbox(dataSource, deadLetters),
        },
        KafkaServerHealth,
        RelayLifecycle,
        TracingShutdown,
        { provide: APP_FILTER, useClass: ProblemFilter },
        {
          provide: APP_GUARD,
          inject: [Reflector],
          // Read at start: a service without the gateway's public key refuses to run rather than serve anyone.
          useFactory: (reflector: Reflector) =>
            new InternalAuthGuard(reflector, actorTokenPublicKey(), options.service),
        },
      ],
      exports: [
        SERVICE_NAME,
        Outbox,
        OutboxRelay,
        EventInbox,
        DeadLetters,
        KafkaServerHealth,
        TableWakeups,
        TypeOrmModule,
      ],
    };
  }
}
