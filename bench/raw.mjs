// The raw limit of the fan-out's work on this machine, in the same run: kafkajs produces N messages to one topic
// (an idempotent producer, like the outbox relay), a consumer process (raw/worker.mjs) inserts a row each into
// PostgreSQL (one statement per chunk) and sends one mail each to the same SMTP listener. `tuneRaw` looks for the
// batch size and SMTP pool at which this stops getting faster: the machine's best for the work. Measured like the
// fan-out: from the produce call to the last mail accepted.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { readCpuSeconds } from './lib/process-sampler.mjs';
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
    // The worker's CPU (its own process, consumer start-up included), read before it is stopped.
    const cpuSeconds = readCpuSeconds(worker.pid);
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
      cpuMsPerMail: cpuSeconds === null ? null : round((cpuSeconds * 1000) / o.n),
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

/** How far the tuning goes: beyond these a 2-core machine only queues. */
const TUNING_CEILING = { batchSize: 320, maxConnections: 40 };

/**
 * The machine's best for this work at `o.n` messages: from `o.mail` (the services' settings), doubles the batch
 * size while the rate grows by more than 5%, then the SMTP pool the same way. Returns the best run with the
 * settings it ended on and every trial; `first` is the run at the services' own settings.
 */
export async function tuneRaw(o, log = () => undefined) {
  const trials = [];
  const attempt = async (mail) => {
    const result = await runRaw({ ...o, mail });
    trials.push({ ...mail, mailsPerSecond: result.mailsPerSecond, lost: result.lost, duplicated: result.duplicated });
    log(`raw ${o.n}, batch ${mail.batchSize}, ${mail.maxConnections} connections: ${result.mailsPerSecond} mails/s`);
    return { mail, result };
  };
  const first = await attempt(o.mail);
  let best = first;
  for (const key of ['batchSize', 'maxConnections']) {
    for (;;) {
      const mail = { ...best.mail, [key]: best.mail[key] * 2 };
      if (mail[key] > TUNING_CEILING[key]) break;
      const next = await attempt(mail);
      if (!(next.result.mailsPerSecond > best.result.mailsPerSecond * 1.05)) break;
      best = next;
    }
  }
  return { ...best.result, settings: best.mail, trials, atServiceSettings: first.result };
}
