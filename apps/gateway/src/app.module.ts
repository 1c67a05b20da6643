import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from '@pressconf/messaging';
import { AgenciesController } from './agencies/agencies.controller';
import { ActorGuard } from './auth/actor.guard';
import { BusModule } from './bus/bus.module';
import { ConferencesController } from './conferences/conferences.controller';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { IncidentsController } from './incidents/incidents.controller';

@Module({
  imports: [LoggerModule.forRoot(loggerOptions('gateway')), TerminusModule, BusModule],
  controllers: [AgenciesController, ConferencesController, IncidentsController, HealthController],
  providers: [
    { provide: APP_GUARD, useClass: ActorGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
