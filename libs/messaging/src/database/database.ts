import { Client } from 'pg';
import { MigrationInterface } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { ProcessedMessage } from '../inbox/processed-message.entity';
import { MessagingTables1764100000000 } from './messaging-tables.migration';
import { OutboxTraceContext1764900000000 } from './outbox-trace-context.migration';
import { platformConfig } from '../config/shared';
import { AuditTrail1796000000000 } from '../audit/audit-trail.migration';
import { WakeupTriggers1796000200000 } from '../wakeups/wakeup-triggers';
import { AuditContextSubscriber } from '../audit/audit-context.subscriber';

/** An entity class: TypeORM reads its decorators and builds its instances. */
export type EntityClass = new (...args: never[]) => object;
/** A migration class: TypeORM's runner constructs it without arguments. */
export type MigrationClass = new () => MigrationInterface;

/** DATABASE_URL, with DATABASE_PASSWORD as its password when that is set (a deployment keeps it in a Secret). */
export function databaseUrl(): string {
  const { DATABASE_URL, DATABASE_PASSWORD } = platformConfig();
  if (!DATABASE_PASSWORD) return DATABASE_URL;
  const url = new URL(DATABASE_URL);
  url.password = encodeURIComponent(DATABASE_PASSWORD);
  return url.toString();
}

type PgError = Error & { code?: string };

/**
 * Makes sure the service's database and schema are there: creates what is missing when the user may (a superuser
 * DATABASE_URL, as before roles existed), and otherwise says what to provision. A service's own role may create
 * neither: the schema is made for it, owned by it, by whoever set the roles up (README, "Least privilege").
 */
export async function ensureDatabaseAndSchema(schema: string, url = databaseUrl()): Promise<void> {
  const client = await connectCreatingDatabase(url);
  try {
    const { rows } = await client.query<{ exists: boolean; usable: boolean; owner: string; me: string }>(
      `SELECT n.oid IS NOT NULL AS exists, current_user AS me, pg_get_userbyid(n.nspowner) AS owner,
              n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'USAGE') AND has_schema_privilege(n.oid, 'CREATE')
                AS usable
         FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = $1`,
      [schema],
    );
    const [found] = rows;
    if (found.exists && found.usable) return;
    if (found.exists) {
      throw new Error(
        `the schema ${schema} belongs to ${found.owner}, and ${found.me} may not create in it: run the service as the role that owns its schema (README, "Least privilege")`,
      );
    }
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((error: PgError) => {
      if (error.code === '42501') {
        throw new Error(
          `the schema ${schema} does not exist and ${found.me} may not create it: provision the service roles first (README, "Least privilege")`,
          { cause: error },
        );
      }
      if (error.code !== '23505' && error.code !== '42P06') throw error; // created by a sibling meanwhile
    });
  } finally {
    await client.end();
  }
}

/** A connection to the URL's database, creating the database first when it is missing (and the user may). */
async function connectCreatingDatabase(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as PgError).code !== '3D000') throw error; // 3D000: no such database
  }
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    await adminClient.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((error: PgError) => {
      if (error.code !== '42P04' && error.code !== '23505') throw error; // created by a sibling meanwhile
    });
  } finally {
    await adminClient.end();
  }
  const retry = new Client({ connectionString: url });
  await retry.connect();
  return retry;
}

/**
 * TypeORM options for a service: its own schema (also the search path, for raw SQL), its entities plus the
 * outbox and inbox (unless it publishes no events), its migrations after the messaging and audit tables. Never
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
    // The audit trail's table and trigger function; the migrations declaring a service's audited tables come later.
    migrations: [
      ...(messaging ? [MessagingTables1764100000000, OutboxTraceContext1764900000000] : []),
      AuditTrail1796000000000,
      ...(messaging ? [WakeupTriggers1796000200000] : []),
      ...migrations,
    ],
    subscribers: [AuditContextSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // No CREATE EXTENSION at connect: the migrations need none (gen_random_uuid is built in), and a service's role
    // may not create one.
    installExtensions: false,
    // Which service a connection belongs to, in pg_stat_activity.
    applicationName: schema,
    extra: { options: `-c search_path="${schema}"`, max: platformConfig().DATABASE_POOL_SIZE },
  };
}
