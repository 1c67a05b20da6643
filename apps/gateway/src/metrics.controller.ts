import { Controller } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { MetricsController } from '@pressconf/messaging';
import { Public } from './auth/actor.guard';

/** The shared Prometheus endpoint, open to the scraper (the Ingress does not publish it). */
@Public()
@SkipThrottle()
@Controller('metrics')
export class GatewayMetricsController extends MetricsController {}
