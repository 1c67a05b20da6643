import { KafkaConfig, logLevel, Partitioners } from 'kafkajs';
import { deadLetterTopicOf, EVENT_TOPICS } from '@pressconf/contracts';
import { kafkaLogCreator } from './kafka-logs';
import { messagingConfig } from '../config/shared';

export function kafkaBrokers(): string[] {
  return messagingConfig().KAFKA_BROKERS;
}

/** Client settings shared by every producer and consumer: fast reconnects, bounded retries. */
export function kafkaClientConfig(clientId: string): KafkaConfig {
  return {
    clientId,
    brokers: kafkaBrokers(),
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator('kafkajs'),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 12 },
  };
}

/**
 * Consumer timing: a short session so that a crashed member is replaced in seconds, and a short fetch wait so
 * that an event reaches its consumers without waiting for a fuller batch.
 */
export const CONSUMER_TIMING = {
  sessionTimeout: messagingConfig().KAFKA_SESSION_TIMEOUT_MS,
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
  event: messagingConfig().KAFKA_EVENT_PARTITIONS,
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
