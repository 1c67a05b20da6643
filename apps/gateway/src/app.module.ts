import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions, serviceDataSourceOptions } from '@pressconf/messaging';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { AgenciesController } from './agencies/agencies.controller';
import { ActorGuard } from './auth/actor.guard';
import { BusModule } from './bus/bus.module';
import { ConferencesController } from './conferences/conferences.controller';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { IncidentsController } from './incidents/incidents.controller';

@Module({
  imports: [
    LoggerModule.forRoot(loggerOptions('gateway')),
    TypeOrmModule.forRoot({
      ...serviceDataSourceOptions('gateway', GATEWAY_ENTITIES, GATEWAY_MIGRATIONS, { messaging: false }),
      migrationsRun: true,
    }),
    TerminusModule,
    BusModule,
  ],
  controllers: [AgenciesController, ConferencesController, IncidentsController, HealthController],
  providers: [
    { provide: APP_GUARD, useClass: ActorGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
