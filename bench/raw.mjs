// The raw limit of the fan-out's work on this machine, in the same run: kafkajs produces N messages to one topic
// (an idempotent producer, like the outbox relay), a consumer process (raw/worker.mjs) inserts one row each into
// PostgreSQL and sends one mail each to the same SMTP listener, with the same batch size and SMTP pool size.
// Measured like the fan-out: from the produce call to the last mail accepted.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { now, round, sleep, summarize } from './lib/util.mjs';

const { Kafka, Partitioners, logLevel } = kafkajs;
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Attachment size that makes the raw mail as large on the wire as an invitation of `targetBytes`. */
function attachmentBytesFor(targetBytes) {
  const overhead = 3500; // headers, the HTML and text parts of the worker's mail, MIME boundaries
  return Math.max(0, Math.floor(((targetBytes - overhead) * 3) / 4 / (78 / 76))); // base64 with CRLF every 76
}

/**
 * @param {{ sink: import('./lib/smtp-sink.mjs').SmtpSink, kafkaBrokers: string, databaseUrl: string, n: number,
 *           mailBytes: number, mail: { batchSize: number, maxConnections: number }, partitions: number,
 *           sampler?: import('./lib/process-sampler.mjs').ProcessSampler, timeoutMs: number, graceMs?: number }} o
 */
export async function runRaw(o) {
  const run = `raw-${o.n}-${randomBytes(3).toString('hex')}`;
  const topic = `bench.raw.${run}`;
  const kafka = new Kafka({
    clientId: 'bench-raw-producer',
    brokers: o.kafkaBrokers.split(','),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: o.partitions, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();

  const worker = fork(path.join(HERE, 'raw/worker.mjs'), [], {
    env: {
      ...process.env,
      KAFKA_BROKERS: o.kafkaBrokers,
      RAW_TOPIC: topic,
      RAW_GROUP: `bench-${run}`,
      RAW_RUN: run,
      DATABASE_URL: o.databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${o.sink.port}`,
      MAIL_BATCH_SIZE: String(o.mail.batchSize),
      MAIL_MAX_CONNECTIONS: String(o.mail.maxConnections),
      RAW_ATTACHMENT_BYTES: String(attachmentBytesFor(o.mailBytes)),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  o.sampler?.track('raw-worker', worker.pid);
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the raw consumer got no partitions within 60 s')), 60_000);
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.once('exit', (code) => reject(new Error(`the raw consumer exited with ${code}`)));
    });

    const first = new Map();
    const counts = new Map();
    const take = (mail) => {
      if (mail.run !== run) return;
      counts.set(mail.seq, (counts.get(mail.seq) ?? 0) + 1);
      if (!first.has(mail.seq)) first.set(mail.seq, mail.at);
    };
    const unsubscribe = o.sink.onMail(take);
    const messages = Array.from({ length: o.n }, (_, seq) => ({
      value: JSON.stringify({ seq, email: `pv${seq + 1}.${run}@daklak.example.vn`, name: `Phóng viên ${seq + 1}` }),
    }));

    const started = now();
    await producer.send({ topic, acks: -1, messages });
    const produced = now();
    const deadline = Date.now() + o.timeoutMs;
    while (first.size < o.n && Date.now() < deadline) await sleep(20);
    await sleep(o.graceMs ?? 2000);
    unsubscribe();

    const latencies = [...first.values()].map((at) => at - started);
    const last = latencies.length ? Math.max(...latencies) : null;
    const sizes = o.sink.received.filter((m) => m.run === run).map((m) => m.bytes);
    return {
      n: o.n,
      produceMs: round(produced - started),
      firstMs: latencies.length ? round(Math.min(...latencies)) : null,
      lastMs: round(last),
      mailsPerSecond: last ? round((first.size / last) * 1000) : null,
      latency: summarize(latencies),
      lost: o.n - first.size,
      duplicated: [...counts.values()].reduce((sum, c) => sum + (c - 1), 0),
      mailBytes: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : null,
    };
  } finally {
    o.sampler?.untrack('raw-worker');
    worker.kill('SIGTERM');
    await new Promise((resolve) => (worker.exitCode !== null ? resolve() : worker.once('exit', resolve)));
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
