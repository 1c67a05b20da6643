// The raw request/reply limit, HTTP side: node:http answers GET /api/v1/conferences/:id and POST
// /api/v1/conferences by producing the request to a Kafka topic and waiting for the reply on a reply topic
// (matched by a correlation id header), like the gateway's ServiceBus, with no framework around it.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Kafka, Partitioners, logLevel } from 'kafkajs';

const env = process.env;
const kafka = new Kafka({ clientId: 'bench-rpc-front', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
await producer.connect();
const pending = new Map();
const consumer = kafka.consumer({
  groupId: `${env.RPC_GROUP}-front`,
  sessionTimeout: 10_000,
  rebalanceTimeout: 20_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 100,
  allowAutoTopicCreation: false,
});
await consumer.connect();
await consumer.subscribe({ topic: env.RPC_REPLY_TOPIC, fromBeginning: false });
const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
await consumer.run({
  partitionsConsumedConcurrently: 3,
  eachMessage: async ({ message }) => {
    const id = message.headers['correlation-id']?.toString();
    const waiter = pending.get(id);
    if (waiter) {
      pending.delete(id);
      waiter(message.value);
    }
  },
});
await joined;

function call(request) {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('timeout'));
    }, 10_000);
    pending.set(id, (value) => {
      clearTimeout(timer);
      resolve(JSON.parse(value.toString()));
    });
    producer
      .send({ topic: env.RPC_REQUEST_TOPIC, messages: [{ key: id, value: JSON.stringify(request), headers: { 'correlation-id': id } }] })
      .catch(reject);
  });
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const match = /^\/api\/v1\/conferences(?:\/([0-9a-f-]{36}))?$/.exec(req.url ?? '');
      if (!match) throw Object.assign(new Error('not found'), { status: 404 });
      const request = req.method === 'GET' ? { method: 'GET', id: match[1] } : { method: 'POST', body: JSON.parse(Buffer.concat(chunks).toString() || '{}') };
      const reply = await call(request);
      const body = JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(error.status ?? 504, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ title: String(error.message) }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(env.RPC_PORT), '127.0.0.1', () => process.send?.({ type: 'ready' }));

async function shutdown() {
  server.close();
  await consumer.disconnect().catch(() => undefined);
  await producer.disconnect().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
