import { z } from 'zod';
import { ConfigError, describeEnv, intVar, listVar, loadConfig, sizeVar, stringVar, timeZoneVar } from './env';
import { messagingEnv } from './shared';

describe('typed configuration', () => {
  it('takes the documented defaults of the shared variables when nothing is set', () => {
    expect(loadConfig(messagingEnv, {})).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      DATABASE_POOL_SIZE: 10,
      AUDIT_RETENTION_MONTHS: 60,
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_EVENT_PARTITIONS: 6,
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_SESSION_TIMEOUT_MS: 10_000,
      KAFKA_PARTITIONS_CONCURRENCY: 3,
      // No SASL and no TLS against the local broker; a deployment sets the service's own Kafka user.
      KAFKA_SASL_MECHANISM: 'none',
      OUTBOX_POLL_INTERVAL_MS: 1_000,
      INBOX_MAX_ATTEMPTS: 5,
      INTERNAL_BODY_LIMIT: '2mb',
      INTERNAL_AUTH_PUBLIC_KEY: undefined,
      // Tracing runs, but no span leaves the process unless an exporter is chosen.
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      OTEL_TRACES_SAMPLER_ARG: 1,
      OTEL_BSP_SCHEDULE_DELAY: 5000,
    });
  });

  it('reads set values with their types', () => {
    const config = loadConfig(messagingEnv, {
      KAFKA_BROKERS: 'k1:9092, k2:9092,',
      INBOX_MAX_ATTEMPTS: '7',
      LOG_LEVEL: 'debug',
    });
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
    expect(config.INBOX_MAX_ATTEMPTS).toBe(7);
    expect(config.LOG_LEVEL).toBe('debug');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig(messagingEnv, { OUTBOX_POLL_INTERVAL_MS: '' }).OUTBOX_POLL_INTERVAL_MS).toBe(1_000);
  });

  it.each([
    ['OUTBOX_POLL_INTERVAL_MS', 'soon'],
    ['DATABASE_POOL_SIZE', '0'],
    ['KAFKA_EVENT_PARTITIONS', '2.5'],
    ['LOG_LEVEL', 'loud'],
    ['INTERNAL_BODY_LIMIT', 'lots'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(messagingEnv, { [variable]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${variable}: `),
    );
  });

  it('says what it expected', () => {
    expect(() => loadConfig(messagingEnv, { OUTBOX_POLL_INTERVAL_MS: 'soon' })).toThrow(
      'Invalid configuration: OUTBOX_POLL_INTERVAL_MS: expected a whole number',
    );
    expect(() => loadConfig(messagingEnv, { DATABASE_POOL_SIZE: '0' })).toThrow(
      'Invalid configuration: DATABASE_POOL_SIZE: expected a whole number of at least 1',
    );
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig(messagingEnv, { INBOX_MAX_ATTEMPTS: 'x', KAFKA_SESSION_TIMEOUT_MS: '-1' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.variable)).toEqual([
        'KAFKA_SESSION_TIMEOUT_MS',
        'INBOX_MAX_ATTEMPTS',
      ]);
    }
  });

  it('checks time zones, dates and sizes', () => {
    const schema = z.object({
      ZONE: timeZoneVar('Asia/Ho_Chi_Minh', 'zone'),
      DAYS: listVar('days', { item: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
      SIZE: sizeVar('1mb', 'size'),
    });
    expect(loadConfig(schema, { ZONE: 'Europe/Paris', DAYS: '2027-02-05,2027-02-12', SIZE: '512kb' })).toEqual({
      ZONE: 'Europe/Paris',
      DAYS: ['2027-02-05', '2027-02-12'],
      SIZE: '512kb',
    });
    expect(() => loadConfig(schema, { ZONE: 'Mars/Olympus' })).toThrow(/ZONE: expected an IANA time zone/);
    expect(() => loadConfig(schema, { DAYS: '5/2/2027' })).toThrow(/DAYS\.0: /);
  });

  it('documents each declared variable with its meaning and shown default', () => {
    const schema = z.object({
      A: intVar(5, 'five things', { shownDefault: 'five' }),
      B: stringVar('x', 'a letter'),
    });
    expect(describeEnv(schema)).toEqual([
      { name: 'A', description: 'five things', shownDefault: 'five' },
      { name: 'B', description: 'a letter', shownDefault: 'x' },
    ]);
    expect(() => describeEnv(z.object({ C: z.string() }))).toThrow(/C is declared without documentation/);
  });
});
