import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/actor.guard';
import { ServiceBus } from '../bus/service-bus';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly bus: ServiceBus,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready once the reply partitions are assigned: a request sent before that could lose its answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const indicator = this.indicators.check('kafka');
        return this.bus.ready() ? indicator.up() : indicator.down({ message: 'reply partitions not assigned' });
      },
    ]);
  }
}
