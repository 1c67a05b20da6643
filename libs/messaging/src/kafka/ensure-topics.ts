import { Kafka } from 'kafkajs';
import { allTopics, kafkaClientConfig, TopicSpec } from './kafka-config';
import { messagingConfig } from '../config/shared';

/** Creates the topics that do not exist yet. Safe to run from every service at every start. */
export async function ensureTopics(clientId: string, topics: TopicSpec[] = allTopics()): Promise<string[]> {
  const admin = new Kafka(kafkaClientConfig(`${clientId}-admin`)).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return [];
    const replicationFactor = messagingConfig().KAFKA_REPLICATION_FACTOR;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ ...t, replicationFactor })),
      });
    } catch (error) {
      // Another service may have created some of them between our list and our create.
      const now = new Set(await admin.listTopics());
      if (missing.some((t) => !now.has(t.topic))) throw error;
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}
