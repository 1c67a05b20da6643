import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, ROOT, ServiceName } from './support/stack';
import { callPeriodicConference, waitForInvitations } from './support/conference';

/** Sum of a Prometheus counter's samples whose labels contain `match`. */
function sample(text: string, name: string, match: Record<string, string> = {}): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(match).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

describe('observability: metrics and one request followed across services', () => {
  let stack: Stack;
  const scrape = async (service: ServiceName) =>
    (await fetch(`http://127.0.0.1:${stack.ports[service]}/metrics`)).text();

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('moves the counters when a conference is called, and logs the caller’s correlation id in every service', async () => {
    const before = await scrape('notifications');
    const correlationId = `obs-${Date.now()}`;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { conference } = await callPeriodicConference(stack, {
      headers: { 'X-Correlation-Id': correlationId, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    await waitForInvitations(stack, conference.id, conference.participants.length);

    const topic = 'scheduling.conference.v1';
    const after = await scrape('notifications');
    expect(sample(after, 'events_consumed_total', { topic, outcome: 'handled' })).toBeGreaterThan(
      sample(before, 'events_consumed_total', { topic, outcome: 'handled' }),
    );
    expect(sample(await scrape('scheduling'), 'outbox_published_total')).toBeGreaterThan(0);
    expect(await scrape('scheduling')).toContain('outbox_backlog');
    expect(sample(await scrape('submissions'), 'events_consumed_total', { topic, outcome: 'handled' })).toBeGreaterThan(
      0,
    );
    expect(await scrape('notifications')).toContain('kafka_consumer_lag');
    expect(sample(after, 'mail_deliveries_total', { kind: 'INVITATION', outcome: 'sent' })).toBeGreaterThanOrEqual(
      conference.participants.length,
    );
    const gateway = await scrape('gateway');
    expect(
      sample(gateway, 'http_request_duration_seconds_count', { route: '/api/v1/conferences/:id/call' }),
    ).toBeGreaterThan(0);

    const logOf = (service: ServiceName) =>
      readFileSync(join(ROOT, 'test-artifacts/logs', `${stack.database}-${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.includes(correlationId));
    expect(logOf('gateway').length).toBeGreaterThan(0);
    const notificationLines = logOf('notifications');
    expect(notificationLines.some((line) => line.includes('scheduling.conference.called.v1'))).toBe(true);
    expect(notificationLines.some((line) => line.includes(traceId))).toBe(true);
    expect(logOf('submissions').length).toBeGreaterThan(0);
  });
});
