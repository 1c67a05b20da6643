import { KafkaConfig, logLevel, Partitioners } from 'kafkajs';
import { deadLetterTopicOf, EVENT_TOPICS, publisherOf, ServiceName, SUBSCRIPTIONS, Topics } from '@pressconf/contracts';
import { kafkaLogCreator } from './kafka-logs';
import { ConfigError } from '../config/env';
import { MessagingConfig, messagingConfig } from '../config/shared';
import { stopIdleKafkaSpin } from './idle-request-queue';

// Every Kafka client of a service takes its settings from here, so the fix is in before the first connection.
stopIdleKafkaSpin();

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
    ...kafkaSecurity(messagingConfig()),
  };
}

type SecurityConfig = Pick<
  MessagingConfig,
  'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD' | 'KAFKA_TLS_CA'
>;

/**
 * How the clients prove who they are and check the brokers: nothing against the local broker; on Kubernetes, the
 * service's own Kafka user (SCRAM), whose ACLs allow only what kafkaAccessOf() says, over TLS.
 */
export function kafkaSecurity(config: SecurityConfig): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const security: Pick<KafkaConfig, 'sasl' | 'ssl'> = {};
  if (config.KAFKA_TLS_CA) security.ssl = { ca: [config.KAFKA_TLS_CA.replace(/\\n/g, '\n')] };
  const mechanism = config.KAFKA_SASL_MECHANISM;
  if (mechanism === 'none') return security;
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (!username || !password) {
    throw new ConfigError(
      (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const)
        .filter((variable) => !config[variable])
        .map((variable) => ({ variable, message: `required when KAFKA_SASL_MECHANISM is ${mechanism}` })),
    );
  }
  security.sasl = mechanism === 'scram-sha-512' ? { mechanism, username, password } : { mechanism, username, password }; // one object per mechanism: kafkajs types SASL options by mechanism
  return security;
}

/**
 * Consumer timing: a short session so that a crashed member is replaced in seconds. The fetch wait is how long the
 * broker holds a fetch that finds nothing new; with a minimum of one byte it answers as soon as an event arrives, so
 * the wait adds no latency: it only sets how often an idle consumer asks again (and heartbeats between fetches).
 */
export const CONSUMER_TIMING = {
  sessionTimeout: messagingConfig().KAFKA_SESSION_TIMEOUT_MS,
  rebalanceTimeout: 20_000,
  heartbeatInterval: 1_000,
  maxWaitTimeInMs: 1_000,
} as const;

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Topic-level settings the topic is created with, beyond the broker's defaults. */
  configEntries?: Array<{ name: string; value: string }>;
}

/**
 * Topics whose latest message per key is the state of that key: other services keep their copy of the agency
 * registry from `scheduling.agency.v1` (each event is the agency whole, keyed by its id), and a new one rebuilds it
 * by reading the topic from the beginning, so compaction keeps the latest version of every agency for good instead
 * of deleting old events after the retention time.
 */
export const COMPACTED_TOPICS: readonly string[] = [Topics.agency];

function topicConfig(topic: string): Pick<TopicSpec, 'configEntries'> {
  return COMPACTED_TOPICS.includes(topic) ? { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] } : {};
}

/** Partition counts: events scale with consumers; each conference keeps its order on one partition. */
export const TOPIC_PARTITIONS = {
  event: messagingConfig().KAFKA_EVENT_PARTITIONS,
  deadLetter: 1,
} as const;

/**
 * Every topic the system uses, created up front (auto-creation is off on the broker and races anyway): the
 * contract's event topics (the agency topic compacted) and their dead-letter topics. Requests between the gateway and the services travel over
 * HTTP (InternalApi), not Kafka.
 */
export function allTopics(): TopicSpec[] {
  return [
    ...EVENT_TOPICS.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS.event, ...topicConfig(topic) })),
    ...EVENT_TOPICS.map((topic) => ({ topic: deadLetterTopicOf(topic), numPartitions: TOPIC_PARTITIONS.deadLetter })),
  ];
}

/** What a service does on Kafka, and so all its Kafka user may do (its ACLs, checked by tools/deploy). */
export interface KafkaAccess {
  /** Its own topics (it publishes them) and the dead-letter topics of those it consumes (it parks failures there). */
  writes: string[];
  /** The topics it consumes. */
  reads: string[];
  /** Its consumer group. */
  group: string;
}

export function kafkaAccessOf(service: ServiceName): KafkaAccess {
  const consumed = SUBSCRIPTIONS[service];
  return {
    writes: [...EVENT_TOPICS.filter((topic) => publisherOf(topic) === service), ...consumed.map(deadLetterTopicOf)],
    reads: [...consumed],
    group: service,
  };
}

/** The topics a service uses, which it makes sure of at start: with ACLs it may not even see the others. */
export function topicsOf(service: ServiceName): TopicSpec[] {
  const { writes, reads } = kafkaAccessOf(service);
  const used = new Set([...writes, ...reads]);
  return allTopics().filter((spec) => used.has(spec.topic));
}

/** Producer settings of every producer: idempotent, ordered, never creating topics. */
export const PRODUCER_DEFAULTS = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
} as const;
