// Webhook delivery rate (issue 14): N incident events put on scheduling.incident.v1 at once (as scheduling's outbox
// relay would, faster than any API), each queued by notifications for one subscription and POSTed, signed, to a
// receiver on 127.0.0.1 (allowed by WEBHOOK_ALLOWED_HOSTS in the bench's stack): the rate is the webhook worker's.
// The raw limit beside it is the same receiver sent the same number of signed POSTs straight from this process,
// with the per-subscription concurrency the service allows itself.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import { now } from './lib/util.mjs';

const { Kafka, logLevel } = kafkajs;
const TOPIC = 'scheduling.incident.v1';
const TYPE = 'scheduling.incident.reported.v1';

/** N valid incident.reported envelopes, keyed by incident as scheduling keys them. */
async function publishIncidents(brokers, n) {
  const producer = new Kafka({
    clientId: 'bench-webhooks',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    const messages = Array.from({ length: n }, (_, i) => {
      const incidentId = randomUUID();
      const envelope = {
        id: randomUUID(),
        type: TYPE,
        version: 1,
        occurredAt: new Date().toISOString(),
        source: 'bench',
        subject: incidentId,
        correlationId: randomUUID(),
        data: {
          incidentId,
          title: `Sự việc benchmark ${i}`,
          topics: ['benchmark'],
          agencyIds: [],
          conveneBy: new Date(Date.now() + 86_400_000).toISOString(),
        },
      };
      return {
        key: incidentId,
        value: JSON.stringify(envelope),
        headers: { 'event-id': envelope.id, 'event-type': TYPE },
      };
    });
    for (let start = 0; start < n; start += 500) {
      await producer.send({ topic: TOPIC, messages: messages.slice(start, start + 500) });
    }
  } finally {
    await producer.disconnect();
  }
}

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** A receiver that verifies nothing (the e2e test verifies) and records when each event id arrived. */
async function startReceiver() {
  const arrivals = new Map();
  let duplicates = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = request.headers['webhook-id'];
      if (arrivals.has(id)) duplicates += 1;
      else arrivals.set(id, now());
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    arrivals,
    duplicates: () => duplicates,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function waitFor(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function inParallel(n, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

export async function runWebhooks(stack, { n, perSubscription }, kafkaBrokers) {
  const receiver = await startReceiver();
  try {
    const subscription = await stack.api('POST', '/webhook-subscriptions', {
      url: receiver.url,
      eventTypes: [TYPE],
      description: 'benchmark receiver',
    });
    const started = now();
    await publishIncidents(kafkaBrokers, n);
    const publishedMs = now() - started;
    const complete = await waitFor(() => receiver.arrivals.size >= n, 60_000 + n * 200);
    const times = [...receiver.arrivals.values()];
    const lastArrival = Math.max(...times);
    const service = {
      n,
      received: receiver.arrivals.size,
      lost: n - receiver.arrivals.size,
      duplicated: receiver.duplicates(),
      complete,
      publishedMs: Math.round(publishedMs),
      firstAfterPublishMs: Math.round(Math.min(...times) - started),
      deliveriesPerSecond: Math.round((receiver.arrivals.size / (lastArrival - started)) * 1000),
    };
    await stack.api('DELETE', `/webhook-subscriptions/${subscription.body.id}`);

    // The raw limit: the receiver alone, POSTed to with the same concurrency as one subscription gets.
    const { Webhook } = await import('standardwebhooks');
    const signer = new Webhook(Buffer.from(randomUUID()).toString('base64'));
    const rawReceiver = await startReceiver();
    const rawLatencies = [];
    const rawStarted = now();
    await inParallel(n, perSubscription, async () => {
      const id = randomUUID();
      const body = JSON.stringify({ id, type: 'scheduling.incident.reported.v1', data: { n } });
      const timestamp = new Date();
      const sent = now();
      const response = await fetch(rawReceiver.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signer.sign(id, timestamp, body),
        },
        body,
      });
      await response.arrayBuffer();
      rawLatencies.push(now() - sent);
    });
    const rawMs = now() - rawStarted;
    await rawReceiver.stop();
    const raw = {
      deliveriesPerSecond: Math.round((n / rawMs) * 1000),
      p99Ms: Math.round(percentile(rawLatencies, 99)),
    };
    return {
      ...service,
      raw,
      ratioToRaw: Math.round((service.deliveriesPerSecond / raw.deliveriesPerSecond) * 100) / 100,
    };
  } finally {
    await receiver.stop();
  }
}
