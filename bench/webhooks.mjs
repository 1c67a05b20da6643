// Webhook delivery rate (issue 14): N incidents reported through the API, each an event on scheduling.incident.v1
// that notifications queues for one subscription to `*` and POSTs, signed, to a receiver on 127.0.0.1 (allowed by
// WEBHOOK_ALLOWED_HOSTS in the bench's stack). The raw limit beside it is the same receiver sent the same number of
// signed POSTs straight from this process, with the per-subscription concurrency the service allows itself.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { now } from './lib/util.mjs';

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

export async function runWebhooks(stack, { n, concurrency, perSubscription }) {
  const receiver = await startReceiver();
  try {
    const subscription = await stack.api('POST', '/webhook-subscriptions', {
      url: receiver.url,
      eventTypes: ['scheduling.incident.reported.v1'],
      description: 'benchmark receiver',
    });
    const reportedAt = [];
    const started = now();
    await inParallel(n, concurrency, async (i) => {
      await stack.api('POST', '/incidents', {
        title: `Sự việc benchmark ${i}`,
        description: 'Đo tốc độ gửi webhook',
        occurredAt: new Date().toISOString(),
        topics: ['benchmark'],
        agencyIds: [],
      });
      reportedAt.push(now());
    });
    const apiMs = now() - started;
    const complete = await waitFor(() => receiver.arrivals.size >= n, 60_000 + n * 200);
    const times = [...receiver.arrivals.values()];
    const lastArrival = Math.max(...times);
    const service = {
      n,
      received: receiver.arrivals.size,
      lost: n - receiver.arrivals.size,
      duplicated: receiver.duplicates(),
      complete,
      apiRequestsPerSecond: Math.round((n / apiMs) * 1000),
      deliveriesPerSecond: Math.round((receiver.arrivals.size / (lastArrival - started)) * 1000),
      lastAfterLastReportMs: Math.round(lastArrival - Math.max(...reportedAt)),
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
