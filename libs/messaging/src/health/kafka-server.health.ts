import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

export interface KafkaProbe {
  /** True when the consumers have their partitions and the clients are connected. */
  ready(): boolean;
}

/** Kafka readiness of this process, fed by whichever Kafka clients the process runs. */
@Injectable()
export class KafkaServerHealth {
  private readonly probes: KafkaProbe[] = [];

  constructor(private readonly indicators: HealthIndicatorService) {}

  register(probe: KafkaProbe): void {
    this.probes.push(probe);
  }

  check(key = 'kafka') {
    const indicator = this.indicators.check(key);
    const ready = this.probes.length > 0 && this.probes.every((p) => p.ready());
    return ready ? indicator.up() : indicator.down({ message: 'Kafka consumers not assigned or not connected' });
  }
}
