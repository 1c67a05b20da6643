import {
  DynamicModule,
  Global,

  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { TerminusModule } from '@nestjs/terminus';
import { serviceDataSourceOptions } from './database/database';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { DeadLetters } from './inbox/dead-letters';
import { EventInbox } from './inbox/event-inbox';
import { RpcProblemFilter } from './rpc/rpc-problem.filter';
import { RpcContextInterceptor } from './rpc/rpc-context.interceptor';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { KafkaServerHealth } from './health/kafka-server.health';
import { loggerOptions } from './logging';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface ServiceMessagingOptions {
  /** `scheduling`, `submissions`, `notifications`: also the database schema and the event `source`. */
  service: string;
  entities: Function[];
  migrations: Function[];
}

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly deadLetters: DeadLetters,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.deadLetters.close();
  }
}

/**
 * Everything a service needs to take part in the event flow: its own database schema, the outbox and its
 * relay, the idempotent inbox with dead-lettering, RPC error mapping and context, health and JSON logs.
 */
@Global()
@Module({})
export class ServiceMessagingModule {
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
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: Outbox, useFactory: () => new Outbox(options.service) },
        {
          provide: OutboxRelay,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new OutboxRelay(dataSource, {
              service: options.service,
              pollIntervalMs: Number(process.env.OUTBOX_POLL_INTERVAL_MS ?? 100),
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
        { provide: APP_FILTER, useClass: RpcProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RpcContextInterceptor },
      ],
      exports: [SERVICE_NAME, Outbox, OutboxRelay, EventInbox, DeadLetters, KafkaServerHealth, TypeOrmModule],
    };
  }
}

