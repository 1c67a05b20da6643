/**
 * Writes k8s/base/kafka/topics.yaml (one Strimzi KafkaTopic per topic of allTopics()) from the code.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register tools/k8s/generate-topics.ts          # write
 *   npx ts-node --transpile-only -r tsconfig-paths/register tools/k8s/generate-topics.ts --check  # exit 1 if stale
 *
 * Run it after adding or renaming a topic; tools/deploy/topics.spec.ts (in `npm test`) fails until the committed
 * file matches.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The manifests describe the code's defaults, not this shell's overrides (TOPIC_PARTITIONS is read at load time).
delete process.env.KAFKA_EVENT_PARTITIONS;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the line above: an import would be hoisted before it
const { renderTopicsYaml, TOPICS_FILE } = require('../deploy/topics') as typeof import('../deploy/topics');

const file = path.resolve(__dirname, '../..', TOPICS_FILE);
const rendered = renderTopicsYaml();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== rendered) {
    process.stderr.write(`${TOPICS_FILE} is stale: run tools/k8s/generate-topics.ts\n`);
    process.exit(1);
  }
  process.stdout.write(`${TOPICS_FILE} is up to date\n`);
} else {
  writeFileSync(file, rendered);
  process.stdout.write(`wrote ${TOPICS_FILE}\n`);
}
