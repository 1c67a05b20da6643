import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process, scraped at `/metrics`. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'events_consumed_total',
  help: 'Events taken from Kafka by a consumer, by outcome (handled, duplicate, failed attempt, dead-lettered)',
  labelNames: ['topic', 'consumer', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const outboxPublished = new Counter({
  name: 'outbox_published_total',
  help: 'Events published from the outbox',
  registers: [metricsRegistry],
});

export const mailDeliveries = new Counter({
  name: 'mail_deliveries_total',
  help: 'Mail sending attempts by kind and outcome (sent, retry, failed, skipped)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** A gauge whose value is read when scraped; errors leave the last value. */
export function lazyGauge(
  name: string,
  help: string,
  labelNames: string[],
  read: (gauge: Gauge<string>) => Promise<void>,
): Gauge<string> {
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      await read(this).catch(() => undefined);
    },
  });
}
