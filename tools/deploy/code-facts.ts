/**
 * What the deployment files must agree with, read from the code itself: the apps, and from their configuration
 * schemas their port variables and default ports, the environment variables they read, which apps have a
 * database, which use Kafka, which sign or check actor tokens, and which call which over HTTP.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Topics } from '@pressconf/contracts';
import { configSchemaOf, configVariables, defaultOf } from '../config/schemas';
import { abs } from './repo';

export interface AppFacts {
  name: string;
  /** The variable of its HTTP port in its configuration schema, e.g. GATEWAY_PORT. */
  portVar: string;
  /** The port it listens on when that variable is not set. */
  defaultPort: number;
  /** True when it keeps data in PostgreSQL: it has migrations to run. */
  hasDatabase: boolean;
  /** True when it consumes or publishes events: it needs KAFKA_BROKERS (and nothing else does). */
  usesKafka: boolean;
  /** True when it signs actor tokens: it needs INTERNAL_AUTH_PRIVATE_KEY, which no other app may hold. */
  signsActorTokens: boolean;
  /** True when its internal API checks actor tokens: it needs INTERNAL_AUTH_PUBLIC_KEY. */
  checksActorTokens: boolean;
  /** The apps it calls over HTTP, and the variable that says where each one answers (e.g. SCHEDULING_URL). */
  calls: Array<{ urlVar: string; app: string }>;
  /** Every variable its configuration schema declares: all it may be given. */
  reads: string[];
}

/** The apps of the workspace: every folder of apps/ with a project.json and a src/main.ts. */
export function appNames(): string[] {
  return readdirSync(abs('apps'))
    .filter((name) => {
      try {
        return (
          statSync(abs(`apps/${name}/project.json`)).isFile() && statSync(abs(`apps/${name}/src/main.ts`)).isFile()
        );
      } catch {
        return false;
      }
    })
    .sort();
}

/**
 * The facts of an app, read from its configuration schema (apps/<app>/src/config.ts, see tools/config/schemas.ts):
 * what it declares is what it reads. Its port is `<APP>_PORT`; the database, Kafka and actor-token variables say
 * which of those it uses; an `<X>_URL` beside an `<X>_PORT` of another app says it calls that app.
 */
export function appFacts(): AppFacts[] {
  const apps = appNames().map((name) => {
    const variables = new Set(Object.keys(configSchemaOf(name).shape));
    const portVar = `${name.toUpperCase()}_PORT`;
    if (!variables.has(portVar)) throw new Error(`apps/${name}/src/config.ts declares no ${portVar}`);
    const defaultPort = defaultOf(name, portVar);
    if (typeof defaultPort !== 'number') throw new Error(`apps/${name}/src/config.ts: ${portVar} has no default port`);
    return {
      name,
      portVar,
      defaultPort,
      hasDatabase: variables.has('DATABASE_URL'),
      usesKafka: variables.has('KAFKA_BROKERS'),
      signsActorTokens: variables.has('INTERNAL_AUTH_PRIVATE_KEY'),
      checksActorTokens: variables.has('INTERNAL_AUTH_PUBLIC_KEY'),
      variables,
    };
  });
  return apps.map(({ variables, ...app }) => {
    const calls = [...variables]
      .filter((variable) => variable.endsWith('_URL'))
      .flatMap((urlVar) => {
        const target = apps.find((a) => a.name !== app.name && a.portVar === urlVar.replace(/_URL$/, '_PORT'));
        return target ? [{ urlVar, app: target.name }] : [];
      });
    return { ...app, calls, reads: [...variables].sort() };
  });
}

/** The TypeScript files of an app's sources, tests beside the code excluded. */
function sourceFiles(relativeDir: string): string[] {
  return readdirSync(abs(relativeDir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(relativeDir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [relative] : [];
  });
}

/**
 * The topics an app consumes, read from its handlers: every `@EventPattern(Topics.<name>)` under apps/<app>/src.
 * A pattern written any other way is refused rather than missed (its topic would get no ACL).
 */
export function consumedTopicsInCode(app: string): string[] {
  const topics = new Set<string>();
  for (const file of sourceFiles(`apps/${app}/src`)) {
    for (const [pattern, argument] of readFileSync(abs(file), 'utf8').matchAll(/@EventPattern\(([^)]*)\)/g)) {
      const key = /^\s*Topics\.(\w+)\s*$/.exec(argument)?.[1];
      const topic = key && key in Topics ? Topics[key as keyof typeof Topics] : undefined;
      if (!topic) throw new Error(`${file}: ${pattern}: write the topic as Topics.<name> (libs/contracts)`);
      topics.add(topic);
    }
  }
  return [...topics].sort();
}

/** Every environment variable the apps read: the union of their configuration schemas. */
export function envNamesReadByCode(): Set<string> {
  return new Set(configVariables().map((variable) => variable.name));
}

/** Names that belong to the Node.js runtime or a base image rather than to the code (allowed in Dockerfiles). */
export const RUNTIME_ENV_NAMES = new Set(['NODE_ENV', 'NODE_OPTIONS']);

/** Connections each service process may open (its TypeORM pool): DATABASE_POOL_SIZE, else the code's default. */
export function databasePoolSizeDefault(): number {
  const pool = defaultOf('gateway', 'DATABASE_POOL_SIZE');
  if (typeof pool !== 'number')
    throw new Error('DATABASE_POOL_SIZE (libs/messaging/src/config/shared.ts) has no default');
  return pool;
}

/**
 * Whether `node main.js --migrate-only` runs the migrations and exits for this app: its main.ts hands the flag to
 * bootstrapService (libs/messaging/src/bootstrap.ts handles it) or handles it itself.
 */
export function supportsMigrateOnly(app: string): boolean {
  const main = readFileSync(abs(`apps/${app}/src/main.ts`), 'utf8');
  const library = readFileSync(abs('libs/messaging/src/bootstrap.ts'), 'utf8');
  return (
    main.includes('--migrate-only') ||
    (/\b(bootstrapService|isMigrateOnly)\s*\(/.test(main) && library.includes("'--migrate-only'"))
  );
}
