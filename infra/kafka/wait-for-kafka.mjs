// Waits until a Kafka broker answers a metadata request: node wait-for-kafka.mjs HOST:PORT SECONDS
import { Kafka, logLevel } from 'kafkajs';

const [broker = '127.0.0.1:9092', seconds = '30'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const kafka = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 } });

while (true) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    await admin.disconnect();
    process.exit(0);
  } catch {
    await admin.disconnect().catch(() => undefined);
    if (Date.now() > deadline) process.exit(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
