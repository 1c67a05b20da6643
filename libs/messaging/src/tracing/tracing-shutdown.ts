import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from './start-tracing';

/** On a planned stop the spans still waiting for their batch are sent before the process exits. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
