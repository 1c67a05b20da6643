import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { SmtpSink } from './smtp-sink';

export const ROOT = resolve(__dirname, '../..');
/** The heap settings every service runs with (tools/lib/infra.mjs, the Dockerfile): tested as deployed. */
const SERVICE_NODE_OPTIONS = (
  JSON.parse(readFileSync(join(ROOT, 'tools/lib/service-node-options.json'), 'utf8')) as { nodeOptions: string }
).nodeOptions;
/** Where the built services are: `dist/`, or DIST_DIR when a parallel build put them elsewhere. */
const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');
export type ServiceName = 'scheduling' | 'submissions' | 'notifications' | 'gateway';
const SERVICES: ServiceName[] = ['scheduling', 'submissions', 'notifications', 'gateway'];

export interface StackOptions {
  env?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The whole system for one test file: the four built services as real processes against the test Kafka
 * broker, a fresh PostgreSQL database, and a real SMTP listener. Tests drive it through the REST API.
 */
export class Stack {
  readonly adminKey = `pk_admin_${randomBytes(16).toString('hex')}`;
  readonly database = `pressconf_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  readonly smtp: SmtpSink;
  readonly ports: Record<ServiceName, number>;
  /** The key pair of the actor tokens: the gateway signs with the private key, the services check the public one. */
  readonly actorTokenKeys: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('ed25519');
  /** The key notifications derives RSVP links from: one per stack, kept across restarts so that mailed links still open. */
  readonly rsvpTokenSecret = randomBytes(32).toString('base64url');
  private readonly processes = new Map<ServiceName, ChildProcess>();
  private readonly env: Record<string, string>;
  /** The stack's database as the server's admin user: for the tests' own queries, never given to a service. */
  private readonly adminUrl: string;
  /** Each service's DATABASE_URL: its own role (README, "Least privilege"), set up by start(). */
  private serviceDatabaseUrls?: Record<ServiceName, string>;

  private constructor(options: StackOptions, ports: number[]) {
    const [gateway, scheduling, submissions, notifications, smtp] = ports;
    this.ports = { gateway, scheduling, submissions, notifications };
    this.smtp = new SmtpSink(smtp);
    const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    server.pathname = `/${this.database}`;
    this.adminUrl = server.toString();
    this.env = {
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092',
      SMTP_URL: `smtp://127.0.0.1:${this.smtp.port}`,
      MAIL_FROM: 'Hội nghị cung cấp thông tin <no-reply@pressconf.test>',
      GATEWAY_ADMIN_API_KEY: this.adminKey,
      GATEWAY_PORT: String(this.ports.gateway),
      SCHEDULING_PORT: String(this.ports.scheduling),
      SUBMISSIONS_PORT: String(this.ports.submissions),
      NOTIFICATIONS_PORT: String(this.ports.notifications),
      PUBLIC_BASE_URL: `http://127.0.0.1:${this.ports.gateway}`,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
      MAIL_RETRY_INITIAL_MS: '300',
      MAIL_RETRY_MAX_MS: '2000',
      MAIL_LEASE_MS: '5000',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      DEADLINE_WATCH_INTERVAL_MS: '1000',
      ...options.env,
    };
  }

  static async start(options: StackOptions = {}): Promise<Stack> {
    const stack = new Stack(options, await Promise.all([1, 2, 3, 4, 5].map(() => freePort())));
    for (const service of SERVICES) {
      if (!existsSync(join(DIST, 'apps', service, 'main.js'))) {
        throw new Error(`${DIST}/apps/${service}/main.js is missing: build first (npm test does)`);
      }
    }
    await stack.smtp.start();
    try {
      // Roles of stacks killed before their stop (their databases are gone), so that they do not pile up.
      await stack.roleTool('drop-orphans', stack.serverUrl(), 'pressconf_e2e_').catch(() => undefined);
      // Services start in parallel; each creates the database if missing, so create it once up front.
      await stack.createDatabase();
      await stack.provisionRoles();
      await Promise.all(SERVICES.map((s) => stack.startService(s)));
    } catch (error) {
      await stack.stop().catch(() => undefined); // the test gets no stack to stop: leave nothing running
      throw error;
    }
    return stack;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}/api/v1`;
  }

  async startService(service: ServiceName, env: Record<string, string> = {}): Promise<void> {
    const logDir = join(ROOT, 'test-artifacts/logs');
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(join(logDir, `${this.database}-${service}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join(DIST, 'apps', service, 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...this.env,
        NODE_OPTIONS: [SERVICE_NODE_OPTIONS, process.env.NODE_OPTIONS].filter(Boolean).join(' '),
        DATABASE_URL: this.databaseUrlOf(service),
        ...this.actorTokenKeyEnv(service),
        ...(service === 'notifications' ? { RSVP_TOKEN_SECRET: this.rsvpTokenSecret } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.processes.set(service, child);
    await this.waitReady(service, child);
  }

  /** The DATABASE_URL a service runs with: its own role, in the stack's database. */
  databaseUrlOf(service: ServiceName): string {
    if (!this.serviceDatabaseUrls) throw new Error('the roles are set up by Stack.start()');
    return this.serviceDatabaseUrls[service];
  }

  /**
   * Only the gateway holds the private key; a service gets the public key alone. Each stack has its own pair, so
   * nothing inherited from the environment is passed on.
   */
  private actorTokenKeyEnv(service: ServiceName): Record<string, string | undefined> {
    const { privateKey, publicKey } = this.actorTokenKeys;
    return service === 'gateway'
      ? {
          INTERNAL_AUTH_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          INTERNAL_AUTH_PUBLIC_KEY: undefined,
        }
      : {
          INTERNAL_AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          INTERNAL_AUTH_PRIVATE_KEY: undefined,
        };
  }

  /** SIGTERM lets the service finish in-flight work; SIGKILL is a crash. */
  async stopService(service: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.processes.get(service);
    if (!child) return;
    await stopProcess(child, signal);
    this.processes.delete(service);
  }

  /** Sends a signal without waiting for an exit: SIGSTOP freezes a service (it hangs), SIGCONT thaws it. */
  signal(service: ServiceName, signal: NodeJS.Signals): void {
    const child = this.processes.get(service);
    if (!child || child.exitCode !== null) throw new Error(`${service} is not running`);
    child.kill(signal);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((s) => this.stopService(s)));
    await this.smtp.stop();
    if (process.env.KEEP_TEST_DB !== '1') {
      await this.dropDatabase().catch(() => undefined);
      // After the database: the roles then own nothing any more. Named after the database, so no other stack's.
      await this.roleTool('drop', this.serverUrl(), this.database).catch(() => undefined);
    }
  }

  /** Calls the REST API; `T` names the view the body holds (`api<ConferenceView>(…)`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- e2e tests of apps/* still read bodies untyped (`api(…).body.x`); an `unknown` default would break them
  async api<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; key?: string | null; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? this.adminKey : options.key;
    if (key) headers['X-API-Key'] = key;
    if (options.body !== undefined || options.raw !== undefined) headers['Content-Type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    return answerOf<T>(response);
  }

  /** POSTs one file as multipart/form-data in the field `file`, with text fields beside it, as a client would. */
  async upload<T = unknown>(
    path: string,
    file: Buffer,
    fileName: string,
    options: { fields?: Record<string, string>; key?: string } = {},
  ): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(file)]), fileName);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'X-API-Key': options.key ?? this.adminKey },
      body: form,
    });
    return answerOf<T>(response);
  }

  /** Restarts the test broker (only the one `npm test` started, named by KAFKA_TEST_PORT). */
  restartKafka(downMs: number): Promise<void> {
    const port = process.env.KAFKA_TEST_PORT;
    if (!port) throw new Error('KAFKA_TEST_PORT is not set: the broker is not ours to restart');
    const script = join(ROOT, 'infra/kafka/kafka.sh');
    execFileSync('bash', [script, 'stop'], { env: { ...process.env, KAFKA_PORT: port }, stdio: 'inherit' });
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          execFileSync('bash', [script, 'start'], { env: { ...process.env, KAFKA_PORT: port }, stdio: 'inherit' });
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, downMs),
    );
  }

  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  private async waitReady(service: ServiceName, child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 90_000;
    const url = `http://127.0.0.1:${this.ports[service]}/health/ready`;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(
          `${service} exited with ${child.exitCode}; see test-artifacts/logs/${this.database}-${service}.log`,
        );
      }
      try {
        if ((await fetch(url)).status === 200) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${service} was not ready within 90 s`);
  }

  private serverUrl(): string {
    const server = new URL(this.adminUrl);
    server.pathname = '/postgres';
    return server.toString();
  }

  /** One role per service, prefixed with the database's name (roles are cluster-wide; stacks may run side by side). */
  private async provisionRoles(): Promise<void> {
    const urls = await this.roleTool('provision', this.serverUrl(), this.database, this.database);
    this.serviceDatabaseUrls = JSON.parse(urls) as Record<ServiceName, string>;
  }

  /** tools/lib/database-roles.mjs, shared with `npm start` and the benchmark (an ES module, so run as a child). */
  private async roleTool(...args: string[]): Promise<string> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'tools/lib/database-roles.mjs'), ...args],
      {
        cwd: ROOT,
      },
    );
    return stdout;
  }

  private async adminClient(): Promise<Client> {
    const client = new Client({ connectionString: this.serverUrl() });
    await client.connect();
    return client;
  }

  private async createDatabase(): Promise<void> {
    const client = await this.adminClient();
    try {
      await client.query(`CREATE DATABASE "${this.database}"`);
    } finally {
      await client.end();
    }
  }

  private async dropDatabase(): Promise<void> {
    const client = await this.adminClient();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error instanceof Error ? error.toString() : String(error);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${last}` : ''}`);
}

/** Signals a process and waits for its exit, killing it when it has not exited within 20 s. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** The answer's JSON body as `T` (the caller names what it expects), or its text when it is no JSON. */
async function answerOf<T>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** A port nobody listens on right now, so that concurrent runs and a running `npm start` do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
