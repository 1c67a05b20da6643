// The whole system for one benchmark run, on the same lines as test/support/stack.ts: the four built services as
// real child processes against our own Kafka broker, a fresh PostgreSQL database (dropped at the end) and a real
// SMTP listener. Adds what a benchmark needs: the time from spawn to ready, the pids for memory sampling,
// output to log files (so that this process does not spend CPU relaying logs), optional per-service NODE_OPTIONS
// (e.g. the CPU profiler).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dropServiceRoles, provisionServiceRoles } from '../../tools/lib/database-roles.mjs';
import {
  actorTokenKeys,
  rsvpTokenSecret,
  withActorTokenKey,
  withRsvpTokenSecret,
  withServiceNodeOptions,
} from '../../tools/lib/infra.mjs';
import { SmtpSink } from './smtp-sink.mjs';
import { freePort, now, sleep } from './util.mjs';

export const SERVICES = ['scheduling', 'submissions', 'notifications', 'gateway'];

export async function adminQuery(serverUrl, sql) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export class Stack {
  adminKey = `pk_admin_${randomBytes(16).toString('hex')}`;
  /** INTERNAL_AUTH_PRIVATE_KEY / INTERNAL_AUTH_PUBLIC_KEY when set, else a pair for this run. */
  keys = actorTokenKeys();
  /** The RSVP links' key (notifications): one per run, as the database is. */
  rsvpSecret = rsvpTokenSecret(process.env, null).secret;
  processes = new Map();
  startup = {};

  /**
   * @param {{ root: string, dist: string, serverUrl: string, database: string, kafkaBrokers: string,
   *           logDir: string, env?: Record<string,string>, serviceEnv?: Record<string,Record<string,string>>,
   *           sampler?: import('./process-sampler.mjs').ProcessSampler }} options
   */
  constructor(options) {
    this.options = options;
  }

  get databaseUrl() {
    const url = new URL(this.options.serverUrl);
    url.pathname = `/${this.options.database}`;
    return url.toString();
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.ports.gateway}/api/v1`;
  }

  /** `services: false` brings up only the database and the SMTP listener (for the raw limit alone). */
  async start({ services = true } = {}) {
    const { dist, logDir } = this.options;
    for (const service of services ? SERVICES : []) {
      if (!existsSync(path.join(dist, 'apps', service, 'main.js')))
        throw new Error(`${dist}/apps/${service}/main.js is missing`);
    }
    mkdirSync(logDir, { recursive: true });
    const [gateway, scheduling, submissions, notifications, smtp] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => freePort()),
    );
    this.ports = { gateway, scheduling, submissions, notifications };
    this.smtp = new SmtpSink(smtp);
    await this.smtp.start();
    await adminQuery(this.options.serverUrl, `CREATE DATABASE "${this.options.database}"`);
    // Each service as its own role, as with `npm start` (roles named after this run's database, dropped with it).
    this.serviceDatabaseUrls = await provisionServiceRoles({
      adminUrl: this.options.serverUrl,
      database: this.options.database,
      prefix: this.options.database,
    });
    this.env = {
      DATABASE_URL: this.databaseUrl,
      KAFKA_BROKERS: this.options.kafkaBrokers,
      SMTP_URL: `smtp://127.0.0.1:${smtp}`,
      MAIL_FROM: 'Hội nghị cung cấp thông tin <no-reply@pressconf.test>',
      GATEWAY_ADMIN_API_KEY: this.adminKey,
      GATEWAY_PORT: String(gateway),
      SCHEDULING_PORT: String(scheduling),
      SUBMISSIONS_PORT: String(submissions),
      NOTIFICATIONS_PORT: String(notifications),
      PUBLIC_BASE_URL: `http://127.0.0.1:${gateway}`,
      // The built bundles keep their dependencies external; a DIST_DIR outside the checkout finds them here.
      NODE_PATH: path.join(this.options.root, 'node_modules'),
      ...this.options.env,
    };
    if (!services) return;
    const started = now();
    await Promise.all(SERVICES.map((service) => this.#startService(service)));
    this.startup.readyMs = Math.round(now() - started);
  }

  /** The environment a service's process runs with (also for the soak's extra replicas, bench/lib/soak-fleet.mjs). */
  environmentOf(service) {
    return withServiceNodeOptions(
      withRsvpTokenSecret(
        service,
        withActorTokenKey(
          service,
          {
            ...process.env,
            ...this.env,
            DATABASE_URL: this.serviceDatabaseUrls[service],
            ...this.options.serviceEnv?.[service],
          },
          this.keys,
        ),
        this.rsvpSecret,
      ),
    );
  }

  async #startService(service) {
    const log = openSync(path.join(this.options.logDir, `${service}.log`), 'a');
    const spawnedAt = now();
    const child = spawn(process.execPath, [path.join(this.options.dist, 'apps', service, 'main.js')], {
      cwd: this.options.root,
      env: this.environmentOf(service),
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.processes.set(service, child);
    this.options.sampler?.track(service, child.pid);
    const url = `http://127.0.0.1:${this.ports[service]}/health/ready`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${service} exited with ${child.exitCode}; see ${this.options.logDir}/${service}.log`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await response.body?.cancel();
        if (response.status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline)
        throw new Error(`${service} was not ready within 120 s; see ${this.options.logDir}/${service}.log`);
      await sleep(100);
    }
    this.startup[service] = Math.round(now() - spawnedAt);
  }

  async stopService(service, graceMs = 20_000) {
    const child = this.processes.get(service);
    if (!child) return;
    this.processes.delete(service);
    this.options.sampler?.untrack(service);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  async stop() {
    await Promise.all([...this.processes.keys()].map((s) => this.stopService(s)));
    await this.smtp?.stop();
    if (process.env.BENCH_KEEP_DB !== '1') {
      await adminQuery(this.options.serverUrl, `DROP DATABASE IF EXISTS "${this.options.database}" WITH (FORCE)`).catch(
        () => undefined,
      );
      await dropServiceRoles({ adminUrl: this.options.serverUrl, prefix: this.options.database }).catch(
        () => undefined,
      );
    }
  }

  /** Immediate SIGKILL of every service (the bench itself is being killed). */
  killAll() {
    for (const child of this.processes.values()) child.kill('SIGKILL');
  }

  async api(method, urlPath, body, headers = {}) {
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      method,
      headers: {
        'X-API-Key': this.adminKey,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    if (response.status >= 300) {
      throw new Error(`${method} ${urlPath} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return { status: response.status, body: parsed, text };
  }

  async query(sql, params = []) {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
}
