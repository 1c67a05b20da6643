import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  databaseUrl,
  EntityClass,
  ensureDatabaseAndSchema,
  MigrationClass,
  serviceDataSourceOptions,
} from '@pressconf/messaging';

/**
 * What TypeORM would still change after a service's migrations ran on an empty database: the SQL a generated
 * migration would hold. Empty when the migrations build exactly the schema the entities describe. Runs in a
 * database of its own, dropped afterwards.
 */
export async function schemaDrift(
  schema: string,
  entities: readonly EntityClass[],
  migrations: readonly MigrationClass[],
  options: { messaging?: boolean } = {},
): Promise<string[]> {
  const url = new URL(databaseUrl());
  const database = `pressconf_migrations_${schema}_${randomBytes(3).toString('hex')}`;
  url.pathname = `/${database}`;
  await ensureDatabaseAndSchema(schema, url.toString());
  const dataSource = new DataSource({
    ...serviceDataSourceOptions(schema, entities, migrations, options),
    url: url.toString(),
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    return pending.upQueries.map((query) => query.query);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(url, database);
  }
}

async function dropDatabase(url: URL, database: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
