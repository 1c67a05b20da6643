import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import type { Page, WebhookDeliveryView, WebhookSubscriptionView } from '@pressconf/contracts';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { eventually, freePort, Stack } from '@pressconf/testing/support/stack';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 answering each request with `answer(n)` (n counts from 1), recording them all. */
async function receiver(answer: (n: number) => number = () => 200, port?: number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(answer(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port ?? 0, '127.0.0.1', resolve));
  const { port: bound } = server.address() as { port: number };
  return {
    received,
    url: `http://127.0.0.1:${bound}/hooks/pressconf`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Each delivery accepted, by its webhook-id, in the order the receiver accepted them. */
const accepted = (received: Received[], answer: (n: number) => number) =>
  received.filter((_, i) => answer(i + 1) < 300).map((r) => JSON.parse(r.body) as { id: string; subject: string });

describe('signed webhooks', () => {
  let stack: Stack;
  const receivers: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_RETRY_INITIAL_MS: '300',
        WEBHOOK_RETRY_MAX_MS: '1000',
        WEBHOOK_POLL_INTERVAL_MS: '100',
        // 18 seconds of failure disable a subscription (3 days in production).
        WEBHOOK_DISABLE_AFTER_HOURS: '0.005',
        WEBHOOK_ALERT_EMAILS: 'Quản trị hệ thống <admin@pressconf.test>',
      },
    });
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await stack?.stop();
  });

  async function subscribe(url: string, eventTypes: string[]) {
    const created = await stack.api<WebhookSubscriptionView>('POST', '/webhook-subscriptions', {
      body: { url, eventTypes, description: 'Cổng thông tin điện tử tỉnh' },
      headers: { 'Idempotency-Key': `sub-${url}` },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const log = async (id: string) =>
    (await stack.api<Page<WebhookDeliveryView>>('GET', `/webhook-subscriptions/${id}/deliveries?pageSize=100`)).body;

  it('refuses an unlisted loopback URL when subscribing, naming url', async () => {
    for (const url of ['https://localhost/hooks', 'https://127.0.0.2/hooks', 'https://[::1]/hooks']) {
      const refused = await stack.api('POST', '/webhook-subscriptions', { body: { url, eventTypes: ['*'] } });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((refused.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['url']);
    }
    const unknownType = await stack.api('POST', '/webhook-subscriptions', {
      body: { url: 'https://example.org/hooks', eventTypes: ['scheduling.conference.exploded.v1'] },
    });
    expect(unknownType.status).toBe(400);
    expect((await stack.api<Page<unknown>>('GET', '/webhook-subscriptions')).body.total).toBe(0);
  });

  it('delivers a called conference signed, retries a 500, keeps order through an outage, disables a dead one', async () => {
    const verifying = await receiver();
    const flakyAnswer = (n: number) => (n === 1 ? 500 : 200);
    const flaky = await receiver(flakyAnswer);
    const dead = await receiver(() => 503);
    receivers.push(verifying, flaky, dead);
    const downPort = await freePort();
    const called = 'scheduling.conference.called.v1';

    const signed = await subscribe(verifying.url, [called]);
    expect(signed.secret).toMatch(/^whsec_/);
    expect((await stack.api('GET', `/webhook-subscriptions/${signed.id}`)).body).not.toHaveProperty('secret');
    const retried = await subscribe(flaky.url, [called]);
    const everything = await subscribe(`http://127.0.0.1:${downPort}/hooks/pressconf`, ['*']);
    const disabled = await subscribe(dead.url, [called]);

    const { conference } = await callPeriodicConference(stack);

    // The called conference, signed as Standard Webhooks says, verified by the reference implementation.
    const [delivery] = await eventually(() => (verifying.received.length ? verifying.received : undefined), 30_000);
    const event = new Webhook(signed.secret!).verify(delivery.body, delivery.headers as Record<string, string>) as {
      id: string;
      type: string;
      subject: string;
      data: { conferenceId: string };
    };
    expect(event).toMatchObject({ type: called, subject: conference.id, data: { conferenceId: conference.id } });
    expect(delivery.headers['webhook-id']).toBe(event.id);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(() =>
      new Webhook(retried.secret!).verify(delivery.body, delivery.headers as Record<string, string>),
    ).toThrow();
    // The mail consumer of the same topic ran too: Nest chains both handlers of the pattern.
    await eventually(() => stack.smtp.forConference(conference.id).length > 0, 30_000);

    // 500, then 200: accepted once, after one retry.
    await eventually(() => flaky.received.length >= 2, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(accepted(flaky.received, flakyAnswer).map((e) => e.id)).toEqual([event.id]);
    const [flakyLog] = (await log(retried.id)).items;
    expect(flakyLog).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200 });
    expect(flakyLog.attemptLog.map((a) => a.statusCode)).toEqual([500, 200]);
    const again = await stack.api('POST', `/webhook-subscriptions/${retried.id}/deliveries/${flakyLog.id}/retry`);
    expect(again.status).toBe(409);

    // A receiver down for a while, then back: every event, each conference's (each subject's) in order.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const back = await receiver(() => 200, downPort);
    receivers.push(back);
    const queued = await eventually(async () => {
      const rows = await stack.query<{ event_id: string; ordering_key: string; status: string }>(
        `SELECT event_id, ordering_key, status FROM notifications.webhook_delivery WHERE subscription_id = $1
          ORDER BY position`,
        [everything.id],
      );
      return rows.length > 5 && rows.every((r) => r.status === 'DELIVERED') ? rows : undefined;
    }, 60_000);
    const got = accepted(back.received, () => 200);
    expect(new Set(got.map((e) => e.id))).toEqual(new Set(queued.map((r) => r.event_id)));
    for (const key of new Set(queued.map((r) => r.ordering_key))) {
      const firstSeen = [...new Set(got.filter((e) => e.subject === key).map((e) => e.id))];
      expect(firstSeen).toEqual(queued.filter((r) => r.ordering_key === key).map((r) => r.event_id));
    }
    const outage = (await log(everything.id)).items.find((d) => d.attempts > 1)!;
    expect(outage.attemptLog[0]).toMatchObject({
      statusCode: null,
      error: expect.stringContaining('ECONNREFUSED') as unknown,
    });

    // A signed test event.
    const test = await stack.api<WebhookDeliveryView>('POST', `/webhook-subscriptions/${signed.id}/test`);
    expect(test.status).toBe(202);
    const testEvent = await eventually(() => verifying.received.find((r) => r.body.includes('"webhook.test"')), 10_000);
    expect(() =>
      new Webhook(signed.secret!).verify(testEvent.body, testEvent.headers as Record<string, string>),
    ).not.toThrow();

    // Failing for the whole window: disabled, and the admins told by mail.
    const off = await eventually(async () => {
      const s = await stack.api<WebhookSubscriptionView>('GET', `/webhook-subscriptions/${disabled.id}`);
      return s.body.enabled ? undefined : s.body;
    }, 60_000);
    expect(off.disabledReason).toContain('accepted no event since');
    const alert = await eventually(
      () => stack.smtp.received.find((m) => m.parsed.headers.get('x-notification-kind') === 'WEBHOOK_DISABLED'),
      30_000,
    );
    expect(alert.envelopeTo).toEqual(['admin@pressconf.test']);
    expect(alert.parsed.subject).toContain(dead.url);
  });

  it('rotates a secret, both signing for 24 hours; changes and deletes a subscription', async () => {
    const rx = await receiver();
    receivers.push(rx);
    const created = await subscribe(rx.url, ['scheduling.conference.cancelled.v1']);
    const rotated = await stack.api<WebhookSubscriptionView>('PATCH', `/webhook-subscriptions/${created.id}`, {
      body: { rotateSecret: true, eventTypes: ['*'] },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ eventTypes: ['*'], previousSecretExpiresAt: expect.any(String) as unknown });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);

    expect((await stack.api('POST', `/webhook-subscriptions/${created.id}/test`)).status).toBe(202);
    const [test] = await eventually(() => (rx.received.length ? rx.received : undefined), 10_000);
    const headers = test.headers as Record<string, string>;
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [created.secret!, rotated.body.secret!]) {
      expect(() => new Webhook(secret).verify(test.body, headers)).not.toThrow();
    }

    const loopback = await stack.api('PATCH', `/webhook-subscriptions/${created.id}`, {
      body: { url: 'https://localhost:8443/hooks' },
    });
    expect(loopback.status).toBe(400);
    expect((loopback.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['url']);

    expect((await stack.api('DELETE', `/webhook-subscriptions/${created.id}`)).status).toBe(204);
    expect((await stack.api('GET', `/webhook-subscriptions/${created.id}`)).status).toBe(404);
  });
});
