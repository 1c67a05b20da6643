// One PostgreSQL role per service (README, "Least privilege"): each service connects as `<prefix>_<service>`, which
// owns the service's schema and everything in it, may use no other schema and cannot create schemas, roles or
// databases. Whoever holds the server's admin user sets them up; the services never need it. `npm start`
// (tools/start.mjs), the test harness (test/support/stack.ts) and the benchmark (bench/lib/stack.mjs) call this;
// docker-compose.yml runs the SQL it renders (infra/postgres/service-roles.sql); on Kubernetes, CloudNativePG's
// managed roles and Database resource do the same (k8s/base/postgres/cluster.yaml).
//
//   node tools/lib/database-roles.mjs provision <admin-url> <database> <prefix>   # prints {"gateway":"postgres://…",…}
//   node tools/lib/database-roles.mjs drop <admin-url> <prefix>
//   node tools/lib/database-roles.mjs drop-orphans <admin-url> <database-prefix>
//   node tools/lib/database-roles.mjs compose-sql                                  # writes the compose script to stdout
//
// Roles are cluster-wide, databases are not: a prefix names one set of roles. `npm start` uses `pressconf`; each test
// or benchmark stack uses its own database's name, so that stacks running side by side never share (or re-password)
// a role, and drops its roles with its database.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The apps that keep data in PostgreSQL, each in the schema named after it. */
export const DATABASE_SERVICES = ['gateway', 'scheduling', 'submissions', 'notifications'];
export const DEFAULT_PREFIX = 'pressconf';

export const roleOf = (prefix, service) => `${prefix}_${service}`;

const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;
export const sqlLiteral = (value) => `'${String(value).replace(/'/g, "''")}'`;

/**
 * The statements run on the server (any database: roles are cluster-wide): each role created when missing, then
 * brought to LOGIN with nothing more (whatever it had been given) and its password. `passwordSql(role)` is the SQL
 * of its password: a literal, or a psql variable in the compose script.
 */
export function roleStatements(roles, passwordSql) {
  return roles.flatMap(({ role }) => [
    `DO $$ BEGIN CREATE ROLE ${ident(role)}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    `ALTER ROLE ${ident(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
      `PASSWORD ${passwordSql(role)}`,
  ]);
}

/**
 * The statements run in the services' database: each schema created for its role, or handed over to it with all
 * it holds when an older setup created it as another user; nobody else may use it. PostgreSQL 15 and later already
 * keep everyone but its owner from creating in `public`; older servers are brought to the same.
 */
export function schemaStatements(database, roles) {
  return [
    `DO $$ BEGIN IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public') THEN ` +
      `REVOKE CREATE ON SCHEMA public FROM PUBLIC; END IF; END $$`,
    ...roles.flatMap(({ role, schema }) => [
      `GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(role)}`,
      `CREATE SCHEMA IF NOT EXISTS ${ident(schema)} AUTHORIZATION ${ident(role)}`,
      `ALTER SCHEMA ${ident(schema)} OWNER TO ${ident(role)}`,
      `REVOKE ALL ON SCHEMA ${ident(schema)} FROM PUBLIC`,
      adoptObjects(schema, role),
    ]),
  ];
}

/**
 * Hands the schema's tables, views, sequences of their own, enum and domain types and functions to the role
 * (what the services created when they all ran as one user). Indexes, a table's sequences and row type follow
 * their table; an extension's members stay with the extension.
 */
function adoptObjects(schema, role) {
  const s = sqlLiteral(schema);
  const r = sqlLiteral(role);
  const notExtensionMember = (catalog, oid) =>
    `NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
  return `DO $$
DECLARE object record;
BEGIN
  FOR object IN
    SELECT c.oid::regclass AS name,
           CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
      FROM pg_class c
     WHERE c.relnamespace = ${s}::regnamespace AND c.relowner <> ${r}::regrole
       AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                         AND d.deptype IN ('a', 'i', 'e'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', object.kind, object.name, ${r});
  END LOOP;
  FOR object IN
    SELECT t.oid::regtype AS name FROM pg_type t
     WHERE t.typnamespace = ${s}::regnamespace AND t.typowner <> ${r}::regrole AND t.typtype IN ('e', 'd')
       AND ${notExtensionMember('pg_type', 't.oid')}
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', object.name, ${r});
  END LOOP;
  FOR object IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p
     WHERE p.pronamespace = ${s}::regnamespace AND p.proowner <> ${r}::regrole
       AND ${notExtensionMember('pg_proc', 'p.oid')}
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', object.name, ${r});
  END LOOP;
END $$`;
}

/** The same server and credentials with another database in the path. */
function withDatabase(url, database) {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  return target.toString();
}

/** The service's DATABASE_URL: the server of `adminUrl` (and its parameters), as the role, in `database`. */
function serviceUrl(adminUrl, database, role, password) {
  const url = new URL(withDatabase(adminUrl, database));
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

async function connected(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Creates (or brings back) the services' roles with new passwords, the database when missing, and each service's
 * schema owned by its role. Idempotent; concurrent calls for one prefix wait for each other. Returns each
 * service's DATABASE_URL.
 */
export async function provisionServiceRoles({
  adminUrl,
  database,
  prefix = DEFAULT_PREFIX,
  services = DATABASE_SERVICES,
}) {
  const roles = services.map((service) => ({
    service,
    schema: service,
    role: roleOf(prefix, service),
    password: randomBytes(24).toString('base64url'),
  }));
  const passwords = new Map(roles.map((r) => [r.role, r.password]));
  const admin = await connected(withDatabase(adminUrl, 'postgres'));
  try {
    const { rows } = await admin.query(
      'SELECT rolsuper OR rolcreaterole AS can FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.can) {
      throw new Error(
        `${new URL(adminUrl).username || 'the user of DATABASE_URL'} may not create roles: point DATABASE_URL at a ` +
          'superuser (or a user with CREATEROLE) so that each service gets a role of its own',
      );
    }
    // Released with the connection: one provisioning per prefix at a time.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [`pressconf database roles ${prefix}`]);
    for (const sql of roleStatements(roles, (role) => sqlLiteral(passwords.get(role)))) await admin.query(sql);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${ident(database)}`).catch((error) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile
      });
    }
    const target = await connected(withDatabase(adminUrl, database));
    try {
      for (const sql of schemaStatements(database, roles)) await target.query(sql);
    } finally {
      await target.end();
    }
  } finally {
    await admin.end();
  }
  return Object.fromEntries(roles.map((r) => [r.service, serviceUrl(adminUrl, database, r.role, r.password)]));
}

/** Drops the roles of a prefix (after their database: a role that still owns something elsewhere is kept). */
export async function dropServiceRoles({ adminUrl, prefix, services = DATABASE_SERVICES }) {
  const admin = await connected(withDatabase(adminUrl, 'postgres'));
  try {
    for (const service of services) await admin.query(`DROP ROLE IF EXISTS ${ident(roleOf(prefix, service))}`);
  } finally {
    await admin.end();
  }
}

/**
 * Drops the roles left by runs killed before they could (`<database>_<service>` whose database, named with
 * `databasePrefix`, is gone). A role that still owns something is kept.
 */
export async function dropOrphanRoles({ adminUrl, databasePrefix, services = DATABASE_SERVICES }) {
  const admin = await connected(withDatabase(adminUrl, 'postgres'));
  try {
    const roles = await admin.query('SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)', [databasePrefix]);
    const databases = new Set(
      (await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [databasePrefix])).rows.map(
        (row) => row.datname,
      ),
    );
    for (const { rolname } of roles.rows) {
      const service = services.find((s) => rolname.endsWith(`_${s}`));
      if (!service || databases.has(rolname.slice(0, -service.length - 1))) continue;
      await admin.query(`DROP ROLE IF EXISTS ${ident(rolname)}`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}

/** The psql script of docker-compose.yml: the roles of DEFAULT_PREFIX in `database`, passwords from psql variables. */
export function composeSql(database = 'pressconf') {
  const roles = DATABASE_SERVICES.map((service) => ({
    service,
    schema: service,
    role: roleOf(DEFAULT_PREFIX, service),
  }));
  const variableOf = (role) => `:'${roles.find((r) => r.role === role).service}_password'`;
  return [
    '-- GENERATED by `node tools/lib/database-roles.mjs compose-sql`: do not edit (tools/deploy checks it is current).',
    '-- One role per service, owning its schema (README, "Least privilege"); run by the postgres-roles service of',
    '-- docker-compose.yml with psql, each password given as a variable (-v gateway_password=…).',
    ...[...roleStatements(roles, variableOf), ...schemaStatements(database, roles)].map((sql) => `${sql};`),
    '',
  ].join('\n');
}

async function main([command, ...args]) {
  if (command === 'provision' && args.length === 3) {
    const [adminUrl, database, prefix] = args;
    process.stdout.write(`${JSON.stringify(await provisionServiceRoles({ adminUrl, database, prefix }))}\n`);
  } else if (command === 'drop' && args.length === 2) {
    await dropServiceRoles({ adminUrl: args[0], prefix: args[1] });
  } else if (command === 'drop-orphans' && args.length === 2) {
    await dropOrphanRoles({ adminUrl: args[0], databasePrefix: args[1] });
  } else if (command === 'compose-sql' && args.length === 0) {
    process.stdout.write(composeSql());
  } else {
    throw new Error(
      'usage: database-roles.mjs provision <admin-url> <database> <prefix> | drop <admin-url> <prefix> | ' +
        'drop-orphans <admin-url> <database-prefix> | compose-sql',
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
