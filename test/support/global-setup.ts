import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * `npm test` starts a fresh broker and passes KAFKA_BROKERS; run on its own, the e2e project starts one on
 * the test port the same way.
 */
export default function globalSetup(): void {
  if (process.env.KAFKA_BROKERS) return;
  const port = process.env.KAFKA_TEST_PORT ?? '19092';
  execFileSync('bash', [join(resolve(__dirname, '../..'), 'infra/kafka/kafka.sh'), 'start'], {
    env: { ...process.env, KAFKA_PORT: port },
    stdio: 'inherit',
  });
  process.env.KAFKA_BROKERS = `127.0.0.1:${port}`;
  process.env.KAFKA_TEST_PORT = port;
}
