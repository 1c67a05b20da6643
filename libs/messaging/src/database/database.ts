import { Client } from 'pg';
import { MigrationInterface } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { ProcessedMessage } from '../inbox/processed-message.entity';
import { MessagingTables1764100000000 } from './messaging-tables.migration';
import { platformConfig } from '../config/shared';

/** An entity class: TypeORM reads its decorators and builds its instances. */
export type EntityClass = new (...args: never[]) => object;
/** A migration class: TypeORM's runner constructs it without arguments. */
export type MigrationClass = new () => MigrationInterface;

export function databaseUrl(): string {
  return platformConfig().DATABASE_URL;
}

/** Creates the database named in the URL when missing, then the service's own schema. */
export async function ensureDatabaseAndSchema(schema: string, url = databaseUrl()): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    const { rowCount } = await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await adminClient.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created by a sibling meanwhile
      });
    }
  } finally {
    await adminClient.end();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((error: { code?: string }) => {
      if (error.code !== '23505' && error.code !== '42P06') throw error;
    });
  } finally {
    await client.end();
  }
}

/**
 * TypeORM options for a service: its own schema (also the search path, for raw SQL), its entities plus the
 * outbox and inbox (unless it publishes no events), its migrations after the messaging tables. Never
 * `synchronize`.
 */
export function serviceDataSourceOptions(
  schema: string,
  entities: readonly EntityClass[],
  migrations: readonly MigrationClass[],
  options: { messaging?: boolean } = {},
): PostgresDataSourceOptions {
  const messaging = options.messaging ?? true;
  return {
    type: 'postgres',
    url: databaseUrl(),
    schema,
    entities: [...entities, ...(messaging ? [OutboxMessage, ProcessedMessage] : [])],
    migrations: [...(messaging ? [MessagingTables1764100000000] : []), ...migrations],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { options: `-c search_path="${schema}"`, max: platformConfig().DATABASE_POOL_SIZE },
  };
}
