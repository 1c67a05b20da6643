// The raw request/reply limit, service side: kafkajs consumes the request topic (the services' consumer timing,
// three partitions consumed at once), runs one SQL statement per request (GET: read the conference's JSON by id;
// POST: insert a row) and produces the reply. No Nest, no TypeORM, no validation.
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import pg from 'pg';

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
await pool.query('CREATE SCHEMA IF NOT EXISTS bench_rpc');
await pool.query('CREATE TABLE IF NOT EXISTS bench_rpc.conference (id uuid PRIMARY KEY, view jsonb NOT NULL)');
const fixture = JSON.parse(env.RPC_FIXTURE_JSON);
await pool.query('INSERT INTO bench_rpc.conference (id, view) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [env.RPC_CONFERENCE_ID, fixture.get]);

const kafka = new Kafka({ clientId: 'bench-rpc-back', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const consumer = kafka.consumer({
  groupId: `${env.RPC_GROUP}-back`,
  sessionTimeout: 10_000,
  rebalanceTimeout: 20_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 100,
  allowAutoTopicCreation: false,
});
await consumer.connect();
await consumer.subscribe({ topic: env.RPC_REQUEST_TOPIC, fromBeginning: false });
consumer.on(consumer.events.GROUP_JOIN, () => process.send?.({ type: 'ready' }));
await consumer.run({
  partitionsConsumedConcurrently: 3,
  eachMessage: async ({ message }) => {
    const request = JSON.parse(message.value.toString());
    let reply;
    if (request.method === 'GET') {
      const { rows } = await pool.query('SELECT view FROM bench_rpc.conference WHERE id = $1', [request.id]);
      reply = rows[0] ? { status: 200, body: rows[0].view } : { status: 404, body: { title: 'Not Found' } };
    } else {
      const { rows } = await pool.query(
        'INSERT INTO bench_rpc.conference (id, view) VALUES (gen_random_uuid(), $1) RETURNING id, view',
        [{ ...fixture.post, title: request.body?.title }],
      );
      reply = { status: 201, body: { ...rows[0].view, id: rows[0].id } };
    }
    await producer.send({
      topic: env.RPC_REPLY_TOPIC,
      messages: [{ value: JSON.stringify(reply), headers: { 'correlation-id': message.headers['correlation-id'] } }],
    });
  },
});

async function shutdown() {
  await consumer.disconnect().catch(() => undefined);
  await producer.disconnect().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
