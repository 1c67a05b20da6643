import { z } from 'zod';
import {
  configLoader,
  enumVar,
  intVar,
  listVar,
  optionalStringVar,
  portVar,
  sizeVar,
  stringVar,
  timeZoneVar,
} from './env';

/**
 * Variables read by more than one app, declared once and composed into each service's schema
 * (apps/<service>/src/config.ts). Names, defaults and meanings are those of the README's configuration table.
 */
export const databaseEnv = {
  DATABASE_URL: stringVar(
    'postgres://postgres@127.0.0.1:5432/postgres',
    'PostgreSQL server and database; each service keeps its own schema in it, created on start',
  ),
  DATABASE_POOL_SIZE: intVar(10, 'connections each process keeps open to PostgreSQL at most'),
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
};

export const outboxEnv = {
  OUTBOX_POLL_INTERVAL_MS: intVar(100, 'relay poll interval when idle'),
};

export const inboxEnv = {
  INBOX_MAX_ATTEMPTS: intVar(5, 'attempts of a failing event handler before the DLQ'),
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
  TZ_DISPLAY: timeZoneVar('Asia/Ho_Chi_Minh', 'time zone of everything shown to people'),
  EXTRA_DAYS_OFF: listVar("extra days off (`YYYY-MM-DD,…`), e.g. the Government's Tết break", {
    item: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected dates written YYYY-MM-DD'),
  }),
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
});
export type MessagingConfig = z.output<typeof messagingEnv>;

/** The shared variables, read once, for the library's own code (each service validates them again in its schema). */
export const messagingConfig = configLoader(messagingEnv);

/** The variables of the database and logging, which the gateway reads too. */
export const platformEnv = z.object({ ...databaseEnv, ...loggingEnv });
export const platformConfig = configLoader(platformEnv);

export const actorTokenSigningConfig = configLoader(z.object(actorTokenSigningEnv));
