import { KafkaConfig, logLevel, Partitioners } from 'kafkajs';
import { deadLetterTopicOf, EVENT_TOPICS } from '@pressconf/contracts';

export function kafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Client settings shared by every producer and consumer: fast reconnects, bounded retries. */
export function kafkaClientConfig(clientId: string): KafkaConfig {
  return {
    clientId,
    brokers: kafkaBrokers(),
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 12 },
  };
}

/**
 * Consumer timing: a short session so that a crashed member is replaced in seconds, and a short fetch wait so
 * that an event reaches its consumers without waiting for a fuller batch.
 */
export const CONSUMER_TIMING = {
  sessionTimeout: Number(process.env.KAFKA_SESSION_TIMEOUT_MS ?? 10_000),
  rebalanceTimeout: 20_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 100,
} as const;

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Partition counts: events scale with consumers; each conference keeps its order on one partition. */
export const TOPIC_PARTITIONS = {
  event: Number(process.env.KAFKA_EVENT_PARTITIONS ?? 6),
  deadLetter: 1,
} as const;

/**
 * Every topic the system uses, created up front (auto-creation is off on the broker and races anyway): the
 * contract's event topics and their dead-letter topics. Requests between the gateway and the services travel over
 * HTTP (InternalApi), not Kafka.
 */
export function allTopics(): TopicSpec[] {
  return [
    ...EVENT_TOPICS.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS.event })),
    ...EVENT_TOPICS.map((topic) => ({ topic: deadLetterTopicOf(topic), numPartitions: TOPIC_PARTITIONS.deadLetter })),
  ];
}

/** Producer settings of every producer: idempotent, ordered, never creating topics. */
export const PRODUCER_DEFAULTS = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
} as const;
