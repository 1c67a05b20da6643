/**
 * docker-compose.yml gives each app a PostgreSQL role of its own, as `npm start` does (README, "Least privilege"):
 * a one-shot service runs the SQL that tools/lib/database-roles.mjs renders (infra/postgres/service-roles.sql) before
 * the apps start, and each app connects as its role with the password that service set.
 */
import { execFileSync } from 'node:child_process';
import type { ComposeFile, ComposeService } from './compose';
import { withoutInterpolation } from './compose';
import type { CodeFacts } from './policy';
import { abs, ROOT } from './repo';

export const ROLES_SQL = 'infra/postgres/service-roles.sql';

/** What tools/lib/database-roles.mjs renders for compose (an ES module: run as a child process). */
export function renderedRolesSql(): string {
  return execFileSync(process.execPath, [abs('tools/lib/database-roles.mjs'), 'compose-sql'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

const commandOf = (service: ComposeService): string[] =>
  [service.command ?? []].flat().map((part) => withoutInterpolation(part as string));

function envOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  const entries: Array<[string, string]> = Array.isArray(env)
    ? env.map((entry) => {
        const [key, ...value] = String(entry).split('=');
        return [key, withoutInterpolation(value.join('='))];
      })
    : Object.entries(env).map(([key, value]) => [key, withoutInterpolation(value)]);
  return Object.fromEntries(entries);
}

/**
 * One service runs ROLES_SQL with psql, on the PostgreSQL image of the database, once it is healthy; every app with
 * a database waits for it to complete and connects as `pressconf_<app>` (never the server's admin user) with the
 * password that service gave the role.
 */
export function composeDatabaseRoles(compose: ComposeFile, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  const runners = Object.entries(services).filter(([, s]) =>
    commandOf(s).some((part) => part.includes(ROLES_SQL.split('/').pop()!)),
  );
  if (runners.length !== 1) return [`${runners.length} services run ${ROLES_SQL} (expected one, before the apps)`];
  const [runnerName, runner] = runners[0];
  const database = Object.entries(services).find(([, s]) => String(s.image ?? '').startsWith('postgres:'));
  if (!database) return ['no PostgreSQL service'];
  const [databaseName, postgres] = database;
  if (runner.image !== postgres.image) problems.push(`${runnerName}: image ${runner.image}, not ${postgres.image}`);
  const mounted = (runner.volumes ?? []) as unknown[];
  if (!mounted.some((v) => String(v).startsWith(`./${ROLES_SQL}:`)))
    problems.push(`${runnerName}: does not mount ./${ROLES_SQL}`);
  const runnerDeps = Array.isArray(runner.depends_on) ? {} : (runner.depends_on ?? {});
  if (runnerDeps[databaseName]?.condition !== 'service_healthy')
    problems.push(`${runnerName}: does not wait for ${databaseName} to be healthy`);
  const admin = envOf(postgres).POSTGRES_USER ?? 'postgres';
  const passwords = Object.fromEntries(
    commandOf(runner).flatMap((part) => {
      const match = /^--set=(\w+)_password=(.*)$/.exec(part);
      return match ? [[match[1], match[2]]] : [];
    }),
  );
  for (const app of facts.apps.filter((a) => a.hasDatabase)) {
    const service = services[app.name];
    if (!service) continue; // composePolicy reports a missing app
    const raw = envOf(service).DATABASE_URL ?? '';
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    const user = url ? decodeURIComponent(url.username) : '';
    if (user !== `pressconf_${app.name}`)
      problems.push(
        `${app.name}: connects as ${user || '(no user)'}${user === admin ? ' (the admin user)' : ''}, not pressconf_${app.name}`,
      );
    else if (decodeURIComponent(url!.password) !== passwords[app.name])
      problems.push(
        `${app.name}: the password in DATABASE_URL is not the one ${runnerName} gives pressconf_${app.name}`,
      );
    const deps = Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {});
    if (deps[runnerName]?.condition !== 'service_completed_successfully')
      problems.push(`${app.name}: does not wait for ${runnerName} to complete`);
  }
  return problems;
}
