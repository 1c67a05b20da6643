import { deadLetterTopicOf, EVENT_TOPICS, ServiceName, SUBSCRIPTIONS, Topics } from '@pressconf/contracts';
import { ConfigError, loadConfig } from '../config/env';
import { messagingEnv } from '../config/shared';
import { allTopics, kafkaAccessOf, kafkaSecurity, topicsOf } from './kafka-config';

const SERVICES: ServiceName[] = ['scheduling', 'submissions', 'notifications'];
const security = (env: Record<string, string>) => kafkaSecurity(loadConfig(messagingEnv, env));

describe('Kafka client security', () => {
  it('is nothing by default (the local broker)', () => {
    expect(security({})).toEqual({});
  });

  it("authenticates as the service's own user with SCRAM, over TLS checked against the given CA", () => {
    const pem = '-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----';
    expect(
      security({
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'scheduling',
        KAFKA_SASL_PASSWORD: 's3cret',
        KAFKA_TLS_CA: pem,
      }),
    ).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'scheduling', password: 's3cret' },
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'] },
    });
  });

  it('refuses SCRAM without a user or password, naming what is missing', () => {
    const attempt = () => security({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'scheduling' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is scram-sha-512');
    expect(() => security({ KAFKA_SASL_MECHANISM: 'plain' })).toThrow(/KAFKA_SASL_MECHANISM/);
  });
});

describe('what each service does on Kafka (its ACLs)', () => {
  it('writes its own topics and the dead letters of what it consumes, reads what it consumes, in its own group', () => {
    const schedulingReads = [
      Topics.agency,
      Topics.incident,
      Topics.conference,
      Topics.briefRequest,
      Topics.invitation,
      Topics.obstacleReport,
      Topics.informationOffer,
    ];
    expect(kafkaAccessOf('scheduling')).toEqual({
      writes: [Topics.incident, Topics.conference, Topics.agency, ...schedulingReads.map(deadLetterTopicOf)],
      reads: schedulingReads,
      group: 'scheduling',
    });
    const notificationsReads = [
      Topics.agency,
      Topics.incident,
      Topics.conference,
      Topics.briefRequest,
      Topics.briefingPack,
      Topics.obstacleReport,
      Topics.informationOffer,
      Topics.invitation,
    ];
    expect(kafkaAccessOf('notifications')).toEqual({
      writes: [Topics.invitation, ...notificationsReads.map(deadLetterTopicOf)],
      reads: notificationsReads,
      group: 'notifications',
    });
  });

  it('gives every event topic one writer, and its dead letters to its consumers only', () => {
    for (const topic of EVENT_TOPICS) {
      expect(SERVICES.filter((s) => kafkaAccessOf(s).writes.includes(topic))).toHaveLength(1);
      const consumers = SERVICES.filter((s) => SUBSCRIPTIONS[s].includes(topic));
      expect(SERVICES.filter((s) => kafkaAccessOf(s).writes.includes(deadLetterTopicOf(topic)))).toEqual(consumers);
    }
  });

  it('makes each service ensure only the topics it uses; together, every topic', () => {
    expect(topicsOf('submissions').map((t) => t.topic)).toEqual([
      Topics.conference,
      Topics.briefRequest,
      Topics.briefingPack,
      Topics.obstacleReport,
      Topics.informationOffer,
      deadLetterTopicOf(Topics.conference),
    ]);
    const used = new Set(SERVICES.flatMap((s) => topicsOf(s).map((t) => t.topic)));
    expect([...used].sort()).toEqual(
      allTopics()
        .map((t) => t.topic)
        .sort(),
    );
  });
});

describe('topic settings', () => {
  it('compacts the agency topic, from which other services rebuild their copy of the registry, and no other', () => {
    const compacted = allTopics().filter((t) =>
      t.configEntries?.some((c) => c.name === 'cleanup.policy' && c.value === 'compact'),
    );
    expect(compacted.map((t) => t.topic)).toEqual([Topics.agency]);
    expect(topicsOf('notifications').find((t) => t.topic === Topics.agency)?.configEntries).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
    ]);
  });
});
