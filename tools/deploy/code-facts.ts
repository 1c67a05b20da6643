/**
 * What the deployment files must agree with, read from the code itself: the apps, their port variables and
 * default ports, the environment variables the code reads, and which apps have a database.
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
        return statSync(abs(`apps/${name}/project.json`)).isFile() && statSync(abs(`apps/${name}/src/main.ts`)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** How an app's code opens its database: the messaging module of a service, or TypeORM options of its own. */
const DATABASE_USE = /\bserviceDataSourceOptions\s*\(|\bServiceMessagingModule\.forService\s*\(|\bTypeOrmModule\.forRoot(Async)?\s*\(/;

export function appFacts(): AppFacts[] {
  return appNames().map((name) => {
    const main = readFileSync(abs(`apps/${name}/src/main.ts`), 'utf8');
    const port = /process\.env\.([A-Z][A-Z0-9_]*_PORT)\s*\?\?\s*(\d+)/.exec(main);
    if (!port) throw new Error(`apps/${name}/src/main.ts: no \`process.env.<X>_PORT ?? <port>\` found`);
    const hasDatabase = sourceFiles(`apps/${name}/src`).some((file) => DATABASE_USE.test(readFileSync(abs(file), 'utf8')));
    return { name, portVar: port[1], defaultPort: Number(port[2]), hasDatabase };
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
  if (!match) throw new Error('libs/messaging/src/database/database.ts: no `process.env.DATABASE_POOL_SIZE ?? <n>` found');
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
