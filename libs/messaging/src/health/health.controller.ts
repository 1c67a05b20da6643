import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { KafkaServerHealth } from './kafka-server.health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaServerHealth,
  ) {}

  /** The process is up; restarts are for when this fails. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready only when the database and Kafka answer and the consumers have their partitions. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.kafka.check()]);
  }
}
