import { Client } from 'pg';
import { ServiceName, Stack } from '../support/stack';

const SERVICES: ServiceName[] = ['gateway', 'scheduling', 'submissions', 'notifications'];

/**
 * Least privilege in the database (issue 13, finding 10): each service connects as a role of its own that owns its
 * schema and nothing else, so a service taken over (an SQL injection, a leaked DATABASE_URL) reads and changes only
 * its own data. The roles are the ones the harness sets up the way `npm start` does (tools/lib/database-roles.mjs).
 */
describe('each service’s database role', () => {
  let stack: Stack;
  const roleOf = (service: ServiceName): string => decodeURIComponent(new URL(stack.databaseUrlOf(service)).username);

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Runs `work` connected as the service's role, with its DATABASE_URL. */
  async function as<T>(service: ServiceName, work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: stack.databaseUrlOf(service) });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  }

  it('is what each running service connects as, owns its tables, and may create no role or database', async () => {
    const sessions = await stack.query<{ application_name: string; usename: string }>(
      `SELECT DISTINCT application_name, usename FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = ANY($1) ORDER BY application_name`,
      [SERVICES],
    );
    expect(sessions).toEqual(
      [...SERVICES].sort().map((service) => ({ application_name: service, usename: roleOf(service) })),
    );
    const owners = await stack.query<{ schemaname: string; tableowner: string }>(
      `SELECT DISTINCT schemaname, tableowner FROM pg_tables WHERE schemaname = ANY($1) ORDER BY schemaname`,
      [SERVICES],
    );
    expect(owners).toEqual(
      [...SERVICES].sort().map((service) => ({ schemaname: service, tableowner: roleOf(service) })),
    );
    const attributes = await stack.query(
      `SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles
        WHERE rolname = ANY($1) ORDER BY rolname`,
      [SERVICES.map(roleOf)],
    );
    expect(attributes).toEqual(
      SERVICES.map(roleOf)
        .sort()
        .map((rolname) => ({
          rolname,
          rolsuper: false,
          rolcreaterole: false,
          rolcreatedb: false,
          rolbypassrls: false,
          rolreplication: false,
        })),
    );
  });

  it('of scheduling cannot read notifications’ tables, nor create anything outside its own schema', async () => {
    await as('scheduling', async (db) => {
      expect((await db.query<{ user: string }>('SELECT current_user AS user')).rows).toEqual([
        { user: roleOf('scheduling') },
      ]);
      // Its own tables answer: the refusals below are about privileges, not a broken connection.
      await expect(db.query('SELECT count(*) FROM scheduling.conference')).resolves.toBeDefined();
      for (const table of [
        'notifications.invitation',
        'notifications.delivery',
        'gateway.api_key',
        'submissions.brief',
      ]) {
        const schema = table.split('.')[0];
        await expect(db.query(`SELECT * FROM ${table} LIMIT 1`)).rejects.toMatchObject({
          code: '42501',
          message: `permission denied for schema ${schema}`,
        });
      }
      for (const statement of [
        'CREATE TABLE notifications.stolen (id int)',
        'CREATE TABLE public.stray (id int)',
        'CREATE SCHEMA stray',
        'CREATE ROLE stray',
      ]) {
        await expect(db.query(statement)).rejects.toMatchObject({ code: '42501' });
      }
    });
  });

  it('of a service may not rewrite its own audit trail, nor empty its default partition', async () => {
    await as('scheduling', async (db) => {
      for (const statement of [
        `UPDATE scheduling.audit_event SET action = 'x'`,
        'DELETE FROM scheduling.audit_event',
        'TRUNCATE scheduling.audit_event',
        'TRUNCATE scheduling.audit_event_default',
      ]) {
        await expect(db.query(statement)).rejects.toMatchObject({ code: '42501' });
      }
    });
  });

  it('of every service may use its own schema and no other', async () => {
    const grants = await stack.query<{ role: string; schema: string; usage: boolean; create: boolean }>(
      `SELECT r AS role, s AS schema, has_schema_privilege(r, s, 'USAGE') AS usage,
              has_schema_privilege(r, s, 'CREATE') AS create
         FROM unnest($1::text[]) AS r, unnest($2::text[]) AS s ORDER BY r, s`,
      [SERVICES.map(roleOf), SERVICES],
    );
    const expected = SERVICES.flatMap((owner) =>
      SERVICES.map((schema) => ({ role: roleOf(owner), schema, usage: owner === schema, create: owner === schema })),
    ).sort((a, b) => a.role.localeCompare(b.role) || a.schema.localeCompare(b.schema));
    expect(grants).toEqual(expected);
  });
});
