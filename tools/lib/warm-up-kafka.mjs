// Runs once dependencies are installed (it needs kafkajs).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TOPIC = 'test-warm-up';

/**
 * On a fresh broker the group coordinator loads its partitions for a few seconds, and a consumer that joins then
 * crashes ("The coordinator is loading") and is restarted by kafkajs; in `npm test` the first stack's consumer came
 * back without ever being assigned its partitions, and its events were lost to that test. Joining one group here,
 * with retries, leaves the coordinator loaded before any service starts.
 */
export async function warmUpGroupCoordinator(brokers, timeoutMs = 60_000) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({ clientId: 'test-warm-up', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
  const consumer = kafka.consumer({ groupId: TOPIC, retry: { retries: 30 } });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.run({ eachMessage: async () => undefined });
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no consumer group joined within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([joined, late]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
    await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
    await admin.disconnect();
  }
}
