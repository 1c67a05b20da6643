// The raw limit's consumer, with no framework: kafkajs consumes the topic, MAIL_BATCH_SIZE messages at a time; each
// chunk becomes one multi-row insert into PostgreSQL and its mails are sent all in parallel (like the delivery
// worker's leased batch) through a pooled nodemailer transport of MAIL_MAX_CONNECTIONS connections.
// Runs as its own process, as the notifications service does. Tells its parent 'ready' once it holds its
// partitions.
import { Kafka, logLevel } from 'kafkajs';
import nodemailer from 'nodemailer';
import pg from 'pg';

const env = process.env;
const batchSize = Number(env.MAIL_BATCH_SIZE ?? 20);
const run = env.RAW_RUN;

const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_SIZE ?? 10) });
await pool.query('CREATE SCHEMA IF NOT EXISTS bench_raw');
await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw.delivery (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), run text NOT NULL, seq int NOT NULL, email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`);

// The same transport options as apps/notifications/src/delivery/infrastructure/email-channel.ts.
const transport = nodemailer.createTransport({
  url: env.SMTP_URL,
  pool: true,
  maxConnections: Number(env.MAIL_MAX_CONNECTIONS ?? 5),
  maxMessages: 200,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
});

// A body of the size of a real invitation (its HTML, text and PDF letter), so the wire carries the same bytes.
const attachment = Buffer.alloc(Math.max(0, Number(env.RAW_ATTACHMENT_BYTES ?? 0)), 'Giấy mời hội nghị ');
const html = `<p>${'Kính mời quý cơ quan tham dự Hội nghị cung cấp thông tin cho báo chí. '.repeat(10)}</p>`;
const text = 'Kính mời quý cơ quan tham dự Hội nghị cung cấp thông tin cho báo chí. '.repeat(10);

/** A chunk's rows in one statement, as the services queue a call's mail. */
async function insert(mails) {
  await pool.query('INSERT INTO bench_raw.delivery (run, seq, email) SELECT $1, * FROM unnest($2::int[], $3::text[])', [
    run,
    mails.map((m) => m.seq),
    mails.map((m) => m.email),
  ]);
}

async function send({ seq, email, name }) {
  await transport.sendMail({
    from: 'Hội nghị cung cấp thông tin <no-reply@pressconf.test>',
    to: { name, address: email },
    subject: `Giấy mời ${seq}`,
    html,
    text,
    headers: { 'X-Bench-Run': run, 'X-Bench-Seq': String(seq) },
    attachments: attachment.length
      ? [{ filename: 'giay-moi.pdf', contentType: 'application/pdf', content: attachment }]
      : [],
  });
}

const kafka = new Kafka({ clientId: 'bench-raw', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
// The services' consumer timing (libs/messaging/src/kafka/kafka-config.ts CONSUMER_TIMING).
const consumer = kafka.consumer({
  groupId: env.RAW_GROUP,
  sessionTimeout: 10_000,
  rebalanceTimeout: 20_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 100,
  allowAutoTopicCreation: false,
});
await consumer.connect();
await consumer.subscribe({ topic: env.RAW_TOPIC, fromBeginning: true });
consumer.on(consumer.events.GROUP_JOIN, () => process.send?.({ type: 'ready' }));
await consumer.run({
  eachBatchAutoResolve: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning }) => {
    for (let i = 0; i < batch.messages.length && isRunning(); i += batchSize) {
      const chunk = batch.messages.slice(i, i + batchSize);
      const mails = chunk.map((message) => JSON.parse(message.value.toString()));
      await insert(mails);
      await Promise.all(mails.map(send));
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  },
});

async function shutdown() {
  await consumer.disconnect().catch(() => undefined);
  transport.close();
  await pool.end().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
