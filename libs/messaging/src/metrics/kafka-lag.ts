import { Kafka } from 'kafkajs';
import { kafkaClientConfig } from '../kafka/kafka-config';
import { lazyGauge } from './metrics';

/** `kafka_consumer_lag{group,topic,partition}`: how far a consumer group is behind each partition's end. */
export function registerConsumerLag(service: string, groupId: string, topics: () => string[]): void {
  const admin = new Kafka(kafkaClientConfig(`${service}-lag`)).admin();
  let connected: Promise<void> | undefined;
  lazyGauge(
    'kafka_consumer_lag',
    'Messages a consumer group has yet to read',
    ['group', 'topic', 'partition'],
    async (gauge) => {
      connected ??= admin.connect();
      await connected;
      const committed = await admin.fetchOffsets({ groupId, topics: topics() });
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of partitions) {
          const end = Number(ends.find((e) => e.partition === partition)?.high ?? 0);
          const done = Number(offset) < 0 ? 0 : Number(offset);
          gauge.set({ group: groupId, topic, partition: String(partition) }, Math.max(0, end - done));
        }
      }
    },
  );
}
