import { INestApplication, Type } from '@nestjs/common';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { createServer } from 'node:http';
import { ServiceName } from '@pressconf/contracts';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EntityClass, ensureDatabaseAndSchema, MigrationClass, serviceDataSourceOptions } from './database/database';
import { ensureTopics } from './kafka/ensure-topics';
import { logProcessWarnings } from './logging';
import { CONSUMER_TIMING, kafkaBrokers, kafkaClientConfig, PRODUCER_DEFAULTS, topicsOf } from './kafka/kafka-config';
import { ObservedServerKafka } from './kafka/observed-server-kafka';
import { KafkaServerHealth } from './health/kafka-server.health';
import { registerConsumerLag } from './metrics/kafka-lag';
import { messagingConfig } from './config/shared';

export interface ServiceBootstrapOptions {
  service: ServiceName;
  module: Type<unknown>;
  port: number;
  /** The service's own tables, for `--migrate-only` (the same lists its module registers). */
  database: { entities: readonly EntityClass[]; migrations: readonly MigrationClass[] };
}

/**
 * Express with room for longer request heads than Node's 16 KiB: an upload's fields travel in its query string
 * (an orientation document's summary is up to 5,000 Vietnamese characters, ~45 KB percent-encoded).
 */
class InternalHttpAdapter extends ExpressAdapter {
  override initHttpServer(): void {
    this.httpServer = createServer({ maxHeaderSize: 128 * 1024 }, this.getInstance());
  }
}

export function isMigrateOnly(): boolean {
  return process.argv.includes('--migrate-only');
}

/** `node main.js --migrate-only`: creates the schema, runs pending migrations and exits (a deploy Job). */
export async function migrateOnly(options: {
  service: string;
  database: ServiceBootstrapOptions['database'];
  messaging?: boolean;
}): Promise<void> {
  await ensureDatabaseAndSchema(options.service);
  const dataSource = new DataSource(
    serviceDataSourceOptions(options.service, options.database.entities, options.database.migrations, {
      messaging: options.messaging,
    }),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`${options.service}: ${applied.length} migration(s) applied`);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Starts a service in the order that avoids the Kafka transport's traps: database and schema, topics (created,
 * never auto-created), migrations (with the Nest context), the Kafka consumer reading new groups from the
 * beginning, then waits for its partition assignment before the HTTP port (internal API, health) opens.
 */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<INestApplication | void> {
  if (isMigrateOnly()) return migrateOnly(options);
  logProcessWarnings();
  await ensureDatabaseAndSchema(options.service);
  await ensureTopics(options.service, topicsOf(options.service));
  const app = await NestFactory.create<NestExpressApplication>(options.module, new InternalHttpAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // JSON only: the gateway has checked the size already (GATEWAY_BODY_LIMIT); files arrive as raw streams.
  app.useBodyParser('json', { limit: messagingConfig().INTERNAL_BODY_LIMIT });
  const strategy = new ObservedServerKafka({
    client: { ...kafkaClientConfig(options.service), brokers: kafkaBrokers() },
    consumer: {
      groupId: options.service,
      sessionTimeout: CONSUMER_TIMING.sessionTimeout,
      rebalanceTimeout: CONSUMER_TIMING.rebalanceTimeout,
      heartbeatInterval: CONSUMER_TIMING.heartbeatInterval,
      maxWaitTimeInMs: CONSUMER_TIMING.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
    },
    producer: PRODUCER_DEFAULTS,
    subscribe: { fromBeginning: true },
    run: { partitionsConsumedConcurrently: messagingConfig().KAFKA_PARTITIONS_CONCURRENCY },
    postfixId: '',
  });
  app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await strategy.whenAssigned();
  app.get(KafkaServerHealth).register({ ready: () => strategy.isHealthy() });
  registerConsumerLag(options.service, options.service, () => [...strategy.getHandlers().keys()]);
  await app.listen(options.port, '0.0.0.0');
  app.get(Logger).log(`${options.service} ready on port ${options.port}`);
  return app;
}
