import { Admin, Kafka } from 'kafkajs';
import { allTopics, kafkaClientConfig, TopicSpec } from './kafka-config';
import { messagingConfig } from '../config/shared';

const ATTEMPTS = 8;

/**
 * Creates the topics that do not exist yet. Safe to run from every service at every start: when services start
 * together, a topic another one is creating can be listed before its partitions have a leader, which the broker
 * answers with a retriable error; the whole check then runs again.
 */
export async function ensureTopics(clientId: string, topics: TopicSpec[] = allTopics()): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissing(clientId, topics);
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error as { retriable?: boolean }).retriable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function createMissing(clientId: string, topics: TopicSpec[]): Promise<string[]> {
  const admin = new Kafka(kafkaClientConfig(`${clientId}-admin`)).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      const replicationFactor = messagingConfig().KAFKA_REPLICATION_FACTOR;
      try {
        await admin.createTopics({
          waitForLeaders: true,
          // With each topic's own settings (configEntries: the agency topic is compacted).
          topics: missing.map((t) => ({ ...t, replicationFactor })),
        });
      } catch (error) {
        // Another service may have created some of them between our list and our create.
        const now = new Set(await admin.listTopics());
        if (missing.some((t) => !now.has(t.topic))) throw error;
      }
    }
    await leadersOf(admin, topics);
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic another service has just created is listed before its partitions have a leader, and a consumer that
 * subscribes to it then fails to start (UNKNOWN_TOPIC_OR_PARTITION): every partition needs one first.
 */
async function leadersOf(admin: Admin, topics: TopicSpec[]): Promise<void> {
  const { topics: found } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
  const leaderless = found.filter((t) => t.partitions.some((p) => p.leader < 0)).map((t) => t.name);
  if (leaderless.length > 0)
    throw Object.assign(new Error(`no leader yet for ${leaderless.join(', ')}`), { retriable: true });
}
