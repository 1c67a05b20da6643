import { z } from 'zod';
import {
  configLoader,
  enumVar,
  intVar,
  listVar,
  numberVar,
  optionalStringVar,
  optionalUrlVar,
  portVar,
  sizeVar,
  stringVar,
  timeZoneVar,
} from './env';
import { provinceEnv } from './province';

/**
 * Variables read by more than one app, declared once and composed into each service's schema
 * (apps/<service>/src/config.ts). Names, defaults and meanings are those of the README's configuration table.
 */
export const databaseEnv = {
  DATABASE_URL: stringVar(
    'postgres://postgres@127.0.0.1:5432/postgres',
    'PostgreSQL server and database; each service keeps its own schema in it, created on start',
  ),
  DATABASE_POOL_SIZE: intVar(
    10,
    'connections each process keeps open to PostgreSQL at most (a service holds one more, listening for new work)',
  ),
  AUDIT_RETENTION_MONTHS: intVar(
    60,
    'months the audit trail keeps its rows (whole months are dropped past it; at most a month longer)',
  ),
  DATABASE_PASSWORD: optionalStringVar(
    "the password of DATABASE_URL's user, when kept out of the URL (a deployment reads it from the service's own Secret)",
    'the one in DATABASE_URL',
  ),
};

export const loggingEnv = {
  LOG_LEVEL: enumVar(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info', 'pino log level'),
};

export const kafkaEnv = {
  KAFKA_BROKERS: listVar('comma-separated bootstrap brokers (the services; the gateway uses no Kafka)', {
    defaultValue: '127.0.0.1:9092',
    shownDefault: '127.0.0.1:9092 (`npm start` starts a local broker when none answers)',
  }),
  KAFKA_EVENT_PARTITIONS: intVar(6, 'partitions of the event topics created at start'),
  KAFKA_REPLICATION_FACTOR: intVar(1, 'replication of the event topics created at start'),
  KAFKA_SESSION_TIMEOUT_MS: intVar(10_000, 'consumer session timeout'),
  KAFKA_PARTITIONS_CONCURRENCY: intVar(3, 'partitions a service consumes at the same time'),
  KAFKA_SASL_MECHANISM: enumVar(
    ['none', 'scram-sha-512', 'scram-sha-256'],
    'none',
    "how a service authenticates to the brokers: `none` (the local broker), or SCRAM as the service's own Kafka user",
  ),
  KAFKA_SASL_USERNAME: optionalStringVar("the service's Kafka user (with SCRAM; Kubernetes: its KafkaUser)"),
  KAFKA_SASL_PASSWORD: optionalStringVar("that user's password (with SCRAM; Kubernetes: from the KafkaUser's Secret)"),
  KAFKA_TLS_CA: optionalStringVar(
    "the CA certificate (PEM; line breaks may be written `\\n`) that signed the brokers' certificates: set, the services connect with TLS and verify the brokers",
    'plain TCP',
  ),
};

export const outboxEnv = {
  OUTBOX_POLL_INTERVAL_MS: intVar(
    1_000,
    'relay poll interval when idle: a safety net, as each committed event wakes the relay at once (LISTEN/NOTIFY)',
  ),
};

export const inboxEnv = {
  INBOX_MAX_ATTEMPTS: intVar(5, 'attempts of a failing event handler before the DLQ'),
};

/**
 * OpenTelemetry's own variables (the SDK reads them too; declared here so that a wrong value stops the app at start,
 * naming it, and so that the deployment may set them). Tracing always runs, for the trace ids in the logs and the
 * context carried along requests and events; spans leave the process only when OTEL_TRACES_EXPORTER says where.
 */
export const tracingEnv = {
  OTEL_SERVICE_NAME: optionalStringVar(
    'the service name spans are reported under',
    'the app: `gateway`, `scheduling`, …',
  ),
  OTEL_TRACES_EXPORTER: enumVar(
    ['none', 'otlp', 'console'],
    'none',
    'where spans go: `otlp` sends them to OTEL_EXPORTER_OTLP_ENDPOINT, `console` prints them; with `none` the trace ids are in the logs only',
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrlVar(
    'the OTLP receiver (a collector or Jaeger); `/v1/traces` is appended for the http protocols',
    'http://localhost:4318 (http://localhost:4317 for grpc)',
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: enumVar(['http/protobuf', 'http/json', 'grpc'], 'http/protobuf', 'OTLP encoding'),
  OTEL_TRACES_SAMPLER: enumVar(
    [
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
      'always_on',
      'always_off',
      'traceidratio',
    ],
    'parentbased_always_on',
    "which traces are kept; `parentbased_*` follows the caller's decision",
  ),
  OTEL_TRACES_SAMPLER_ARG: numberVar(1, 'the ratio of the `traceidratio` samplers (0 to 1)'),
  OTEL_BSP_SCHEDULE_DELAY: intVar(5_000, 'milliseconds between two exports of the finished spans'),
};

/** The ports of the services: each listens on its own, and the gateway finds them there by default. */
export const servicePortsEnv = {
  SCHEDULING_PORT: portVar(3101, 'internal API, health and metrics port of scheduling'),
  SUBMISSIONS_PORT: portVar(3102, 'internal API, health and metrics port of submissions'),
  NOTIFICATIONS_PORT: portVar(3103, 'internal API, health and metrics port of notifications'),
};

export const internalApiEnv = {
  INTERNAL_BODY_LIMIT: sizeVar('2mb', "JSON body cap of a service's internal API"),
  INTERNAL_AUTH_PUBLIC_KEY: optionalStringVar(
    'services: the public key (SPKI PEM) of INTERNAL_AUTH_PRIVATE_KEY, which checks the calls of the gateway',
    'generated with the private key; required otherwise',
  ),
};

export const actorTokenSigningEnv = {
  INTERNAL_AUTH_PRIVATE_KEY: optionalStringVar(
    'gateway only: the Ed25519 private key (PKCS#8 PEM; line breaks may be written `\\n`) that signs who is asking on each call to a service',
    'generated for the run by `npm start` and `npm test`; required otherwise',
  ),
};

export const displayEnv = {
  ...provinceEnv,
  TZ_DISPLAY: timeZoneVar('Asia/Ho_Chi_Minh', 'time zone of everything shown to people'),
  EXTRA_DAYS_OFF: listVar(
    "extra days off (`YYYY-MM-DD,…`) besides the province profile's, e.g. the Government's Tết break",
    {
      item: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected dates written YYYY-MM-DD'),
    },
  ),
};

export const attachmentsEnv = {
  ATTACHMENT_MAX_BYTES: intVar(
    10 * 1024 * 1024,
    'size cap of an attachment or orientation document (gateway and submissions)',
    { shownDefault: '10485760 (10 MB)' },
  ),
};

/** What every service built on ServiceMessagingModule and bootstrapService reads. */
export const messagingEnv = z.object({
  ...databaseEnv,
  ...loggingEnv,
  ...kafkaEnv,
  ...outboxEnv,
  ...inboxEnv,
  ...internalApiEnv,
  ...tracingEnv,
});
export type MessagingConfig = z.output<typeof messagingEnv>;

/** The shared variables, read once, for the library's own code (each service validates them again in its schema). */
export const messagingConfig = configLoader(messagingEnv);

/** The variables of the database and logging, which the gateway reads too. */
export const platformEnv = z.object({ ...databaseEnv, ...loggingEnv });
export const platformConfig = configLoader(platformEnv);

/** The tracing variables, read before anything else of the app is loaded (tracing/start-tracing.ts). */
export const tracingConfig = configLoader(z.object(tracingEnv));

export const actorTokenSigningConfig = configLoader(z.object(actorTokenSigningEnv));
