/**
 * What the deployment files must agree with, read from the code itself: the apps, their port variables and
 * default ports, the environment variables the code reads, which apps have a database, which use Kafka, which
 * sign or check actor tokens, and which call which over HTTP.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { abs, ROOT } from './repo';

export interface AppFacts {
  name: string;
  /** The variable its main.ts reads for its HTTP port, e.g. GATEWAY_PORT. */
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
}

function sourceFiles(relativeDir: string): string[] {
  const dir = abs(relativeDir);
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const relative = path.posix.join(relativeDir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.ts$/.test(name) && !/\.(e2e-)?spec\.ts$/.test(name) ? [relative] : [];
  });
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

/** How an app's code opens its database: the messaging module of a service, or TypeORM options of its own. */
const DATABASE_USE =
  /\bserviceDataSourceOptions\s*\(|\bServiceMessagingModule\.forService\s*\(|\bTypeOrmModule\.forRoot(Async)?\s*\(/;

/** How an app's code uses Kafka: the service bootstrap (libs/messaging/src/bootstrap.ts) or a Kafka client of its own. */
const KAFKA_USE = /\bbootstrapService\s*\(|from '(kafkajs|@nestjs\/microservices)'/;
/** How an app signs actor tokens, and how a service checks them (ServiceMessagingModule installs the check). */
const SIGNS_ACTOR_TOKENS = /\bactorTokenPrivateKey\s*\(/;
const CHECKS_ACTOR_TOKENS = /\bServiceMessagingModule\.forService\s*\(/;
/** Where a caller finds another app: `env.<X>_URL ?? `http://127.0.0.1:${env.<APP>_PORT ?? …}`` (service-settings.ts). */
const SERVICE_URL = /\benv\.([A-Z][A-Z0-9_]*_URL)\s*\?\?\s*`http:\/\/127\.0\.0\.1:\$\{env\.([A-Z][A-Z0-9_]*_PORT)\b/g;

export function appFacts(): AppFacts[] {
  // KAFKA_USE and CHECKS_ACTOR_TOKENS name what the library does: fail loudly when it stops doing it.
  const library = (file: string) => readFileSync(abs(`libs/messaging/src/${file}`), 'utf8');
  if (!/\bensureTopics\s*\(/.test(library('bootstrap.ts'))) {
    throw new Error('libs/messaging/src/bootstrap.ts no longer starts Kafka: update KAFKA_USE');
  }
  if (!/\bactorTokenPublicKey\s*\(/.test(library('messaging.module.ts'))) {
    throw new Error('libs/messaging/src/messaging.module.ts no longer checks actor tokens: update CHECKS_ACTOR_TOKENS');
  }
  const apps = appNames().map((name) => {
    const main = readFileSync(abs(`apps/${name}/src/main.ts`), 'utf8');
    const port = /process\.env\.([A-Z][A-Z0-9_]*_PORT)\s*\?\?\s*(\d+)/.exec(main);
    if (!port) throw new Error(`apps/${name}/src/main.ts: no \`process.env.<X>_PORT ?? <port>\` found`);
    const sources = sourceFiles(`apps/${name}/src`).map((file) => readFileSync(abs(file), 'utf8'));
    const uses = (pattern: RegExp) => sources.some((text) => pattern.test(text));
    return {
      name,
      portVar: port[1],
      defaultPort: Number(port[2]),
      hasDatabase: uses(DATABASE_USE),
      usesKafka: uses(KAFKA_USE),
      signsActorTokens: uses(SIGNS_ACTOR_TOKENS),
      checksActorTokens: uses(CHECKS_ACTOR_TOKENS),
      sources,
    };
  });
  return apps.map(({ sources, ...app }) => {
    const calls = sources.flatMap((text) =>
      [...text.matchAll(SERVICE_URL)].map(([, urlVar, portVar]) => {
        const target = apps.find((a) => a.portVar === portVar);
        if (!target) throw new Error(`apps/${app.name}: ${urlVar} defaults to the port ${portVar} of no app`);
        return { urlVar, app: target.name };
      }),
    );
    return { ...app, calls };
  });
}

/**
 * Every environment variable name the apps and libs read: `process.env.NAME`, `process.env['NAME']`, and
 * `env.NAME` where a function takes the environment as a parameter (e.g. `env: NodeJS.ProcessEnv = process.env`).
 */
export function envNamesReadByCode(): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /process\.env\.([A-Z][A-Z0-9_]*)/g,
    /process\.env\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g,
    /\benv\.([A-Z][A-Z0-9_]*)/g,
    /\benv\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]/g,
  ];
  const files = [...sourceFiles('apps'), ...sourceFiles('libs')].filter((file) => /\/src\//.test(file));
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

/** Names that belong to the Node.js runtime or a base image rather than to the code (allowed in Dockerfiles). */
export const RUNTIME_ENV_NAMES = new Set(['NODE_ENV', 'NODE_OPTIONS']);

/** Connections each service process may open (its TypeORM pool): DATABASE_POOL_SIZE, else the code's default. */
export function databasePoolSizeDefault(): number {
  const source = readFileSync(abs('libs/messaging/src/database/database.ts'), 'utf8');
  const match = /process\.env\.DATABASE_POOL_SIZE\s*\?\?\s*(\d+)/.exec(source);
  if (!match)
    throw new Error('libs/messaging/src/database/database.ts: no `process.env.DATABASE_POOL_SIZE ?? <n>` found');
  return Number(match[1]);
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
