// Helpers shared by `npm start` (tools/start.mjs) and `npm test` (tools/test.mjs).
//
// Node built-ins only: these scripts run before `npm ci` has installed anything.
import { spawn, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  closeSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The four services, their port variables (API.md "Configuration") and default ports. */
export const SERVICES = [
  { name: 'gateway', portVar: 'GATEWAY_PORT', defaultPort: 3000 },
  { name: 'scheduling', portVar: 'SCHEDULING_PORT', defaultPort: 3101 },
  { name: 'submissions', portVar: 'SUBMISSIONS_PORT', defaultPort: 3102 },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT', defaultPort: 3103 },
];

const KAFKA_SCRIPT = path.join(ROOT, 'infra/kafka/kafka.sh');
const KAFKA_PROBE = path.join(ROOT, 'infra/kafka/wait-for-kafka.mjs');

/** A binary installed by npm; called directly rather than through npx, which may go to the network. */
export const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
export const distMain = (service) => path.join(ROOT, 'dist/apps', service, 'main.js');

// ---------------------------------------------------------------------------------------------------------------
// Logging: one tag per script, so that our lines stand out among the services' and tools' own output.

let logTag = 'infra';
export function setLogTag(tag) {
  logTag = tag;
}
export const log = {
  info: (message) => process.stdout.write(`[${logTag}] ${message}\n`),
  warn: (message) => process.stderr.write(`[${logTag}] warning: ${message}\n`),
  error: (message) => process.stderr.write(`[${logTag}] error: ${message}\n`),
};

// ---------------------------------------------------------------------------------------------------------------
// Commands run to completion ("foreground"): kept in a set so that a signal can interrupt them.

const foreground = new Set();

/**
 * Runs a command with inherited output; resolves on exit code 0, rejects otherwise.
 * `detached` puts it in its own process group, so that the terminal's Ctrl-C does not reach it: used for what
 * starts a server (its process must outlive a Ctrl-C until we stop it in order) and for steps that must finish
 * (stopping Kafka, dropping the test database: `interruptible: false`).
 */
export function run(
  command,
  args,
  { env = process.env, cwd = ROOT, detached = false, interruptible = true, keepStderr = false } = {},
) {
  return new Promise((resolve, reject) => {
    // keepStderr: still shown as it comes, and also kept on the error, for callers that act on the reason.
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['inherit', 'inherit', keepStderr ? 'pipe' : 'inherit'],
      detached,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr += chunk;
    });
    const entry = { child, detached, interruptible };
    foreground.add(entry);
    let settled = false;
    const settle = (error) => {
      if (settled) return;
      settled = true;
      foreground.delete(entry);
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) => settle(new Error(`could not run ${command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) return settle();
      const error = new Error(
        `\`${describeCommand(command, args)}\` ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`,
      );
      error.stderr = stderr;
      settle(error);
    });
  });
}

/** Exit code of a quiet command (null when it could not run); for probes such as pg_isready. */
function exitCodeOf(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'ignore', ...options });
    child.once('error', () => resolve(null));
    child.once('exit', (code) => resolve(code));
  });
}

/**
 * Interrupts the foreground commands when the user stops the script. A detached one gets SIGTERM to its whole
 * group (the terminal's Ctrl-C did not reach it): a shell script sent SIGINT alone would first wait for its
 * current command (kafka.sh's 60 s readiness wait), and its half-started server is stopped by the cleanup anyway.
 */
export function interruptForeground(signal = 'SIGTERM') {
  for (const { child, detached, interruptible } of foreground) {
    if (!interruptible) continue;
    if (detached) {
      signalGroup(child.pid, 'SIGTERM');
      continue;
    }
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function describeCommand(command, args) {
  return [path.isAbsolute(command) ? path.basename(command) : command, ...args].join(' ');
}

export function commandExists(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

/** Calls `handler(signal, count)` on SIGINT, SIGTERM and SIGHUP; count lets a second Ctrl-C force matters. */
export function onShutdownSignal(handler) {
  let count = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => handler(signal, ++count));
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: what a script started is stopped in reverse order, also when it fails halfway.

export class Cleanup {
  #steps = [];

  constructor() {
    // Last resort when the script dies without running the steps (an uncaught error, process.exit elsewhere):
    // only synchronous work is possible in an 'exit' handler.
    process.on('exit', () => {
      for (const step of [...this.#steps].reverse()) {
        if (step.done) continue;
        step.done = true;
        try {
          step.runSync?.();
        } catch {
          // nothing more can be done while exiting
        }
      }
    });
  }

  /** `run` is the normal (async) way to undo a step; `runSync` the best effort when the process is exiting. */
  add(name, run, runSync) {
    this.#steps.push({ name, run, runSync, done: false });
  }

  /** Runs every step not yet run, newest first; a failing step is reported and the others still run. */
  async runAll() {
    for (;;) {
      const step = this.#steps.findLast((s) => !s.done);
      if (!step) return;
      step.done = true;
      try {
        await step.run();
      } catch (error) {
        log.warn(`could not stop ${step.name}: ${error.message}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dependencies

/**
 * Installs node_modules with `npm ci` (exactly the lock file) when missing or older than the lock file. npm writes
 * node_modules/.package-lock.json on every install, so its age tells whether the tree matches package-lock.json.
 * With `checkLock`, a tree that is already there is not trusted to say the lock is right: `npm ci --dry-run`
 * refuses a lock file out of date with package.json, and so does this.
 */
export async function ensureDependencies({ checkLock = false } = {}) {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const reason = !existsSync(path.join(ROOT, 'node_modules'))
    ? 'node_modules is missing'
    : !existsSync(marker)
      ? 'node_modules was not installed by npm'
      : statSync(path.join(ROOT, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs
        ? 'package-lock.json is newer than node_modules'
        : null;
  if (!reason) {
    if (checkLock) await checkLockFile();
    return;
  }
  log.info(`${reason}: running npm ci`);
  await run('npm', ['ci', '--no-audit', '--no-fund']);
}

async function checkLockFile() {
  try {
    await run('npm', ['ci', '--dry-run', '--no-audit', '--no-fund'], { keepStderr: true });
  } catch (error) {
    throw new Error(
      `package-lock.json is out of date with package.json: run \`npm install\` and commit the lock file\n${error.stderr ?? ''}`,
      { cause: error },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

export function databaseUrlOf(env = process.env) {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The same server with another database in the path (keeps user, password and query parameters). */
export function withDatabase(url, database) {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  return target.toString();
}

export const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

function postgresAddress(url) {
  const { hostname, port } = new URL(url);
  return { host: hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(port || 5432) };
}

async function postgresAnswers(host, port) {
  // pg_isready knows the protocol (a server still starting up answers "rejecting"); a TCP connect is the fallback.
  if (commandExists('pg_isready'))
    return (await exitCodeOf('pg_isready', ['-q', '-h', host, '-p', String(port), '-t', '3'])) === 0;
  return tcpAnswers(host, port, 3000);
}

function tcpAnswers(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Makes sure the PostgreSQL server of DATABASE_URL answers; starts the machine's local cluster when it does not.
 * A server we start is left running: it is the machine's database server, not this project's.
 */
export async function ensurePostgres(url = databaseUrlOf()) {
  const { host, port } = postgresAddress(url);
  if (await postgresAnswers(host, port)) return;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (!local || versions.length === 0 || !commandExists('pg_ctlcluster')) {
    throw new Error(
      `PostgreSQL does not answer on ${host}:${port}` +
        (local ? ' and there is no local cluster to start (pg_ctlcluster)' : '') +
        '; start it, or point DATABASE_URL at a running server',
    );
  }
  for (const version of versions) {
    log.info(`PostgreSQL does not answer on ${host}:${port}; starting the local cluster ${version}/main`);
    // Detached: a Ctrl-C must not leave the server half-started.
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
      detached: true,
      interruptible: false,
    }).catch((error) => log.warn(error.message));
  }
  const deadline = Date.now() + 30_000;
  while (!(await postgresAnswers(host, port))) {
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL did not answer on ${host}:${port} within 30 s after starting it`);
    await sleep(500);
  }
  log.info(`PostgreSQL answers on ${host}:${port}`);
}

/** Runs one SQL statement with psql (the server's own client: no npm package is needed for it). */
export async function psql(url, sql) {
  if (!commandExists('psql'))
    throw new Error('psql (the PostgreSQL client) is needed to create and drop the test database');
  await run('psql', ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    detached: true,
    interruptible: false, // bounded by PGCONNECT_TIMEOUT
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
  });
}

export function psqlSync(url, sql) {
  spawnSync('psql', ['--no-psqlrc', '-q', '-d', url, '-c', sql], {
    stdio: 'inherit',
    timeout: 15_000,
    env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Kafka (through infra/kafka/kafka.sh)

const kafkaEnv = (port, fresh = false) => ({
  ...process.env,
  KAFKA_PORT: String(port),
  KAFKA_FRESH: fresh ? '1' : '0',
});

/** True when a broker answers a metadata request (not just a TCP connect) within `seconds`. */
async function kafkaAnswers(broker, seconds) {
  return (await exitCodeOf(process.execPath, [KAFKA_PROBE, broker, String(seconds)])) === 0;
}

/**
 * Provides a Kafka broker and returns `{ brokers, started }`.
 * - KAFKA_BROKERS set by the user: used as given (after checking that it answers); nothing is started.
 * - otherwise a local broker on `port` via kafka.sh. A broker that already answers there is reused and left running
 *   (`started: false`), because kafka.sh stop would stop it even when another session started it. With `fresh`
 *   (the test suite wants an empty log) the port is locked for this run, and a broker already there is stopped
 *   first when kafka.sh started it (left over from a crashed run), and refused when not.
 * The stop step is registered in `cleanup` before the broker starts, so that a failure or a Ctrl-C halfway still
 * stops it.
 */
export async function startKafka({ port = 9092, fresh = false, cleanup } = {}) {
  const given = process.env.KAFKA_BROKERS?.trim();
  if (given) {
    const first = given.split(',')[0].trim();
    log.info(`KAFKA_BROKERS is set (${given}): using it, no local broker is started`);
    if (!(await kafkaAnswers(first, 30)))
      throw new Error(`the Kafka broker ${first} (KAFKA_BROKERS) did not answer within 30 s`);
    return { brokers: given, started: false };
  }
  const brokers = `127.0.0.1:${port}`;
  if (fresh) {
    takeBrokerLock(port, cleanup);
    // kafka.sh stops only a broker it started itself (its pid file); a no-op otherwise.
    if (await kafkaAnswers(brokers, 1)) await stopKafka(port);
    if (await kafkaAnswers(brokers, 1)) {
      throw new Error(
        `a Kafka broker that infra/kafka/kafka.sh did not start holds port ${port}; a fresh broker is needed there ` +
          '(stop that one, or set KAFKA_BROKERS to test against a broker of your own)',
      );
    }
  } else if (await kafkaAnswers(brokers, 1)) {
    log.info(`a Kafka broker already answers on ${brokers}: reusing it (it is left running at the end)`);
    return { brokers, started: false };
  }
  if (!commandExists('java'))
    throw new Error('Java is needed to run the local Kafka broker (or set KAFKA_BROKERS to a running broker)');
  if (!existsSync(path.join(ROOT, 'infra/kafka/.lib/.complete')) && !commandExists('mvn')) {
    throw new Error('Maven (mvn) is needed once to fetch the Kafka broker (or set KAFKA_BROKERS to a running broker)');
  }
  cleanup?.add(
    `the Kafka broker on port ${port}`,
    () => stopKafka(port),
    () => spawnSync('bash', [KAFKA_SCRIPT, 'stop'], { env: kafkaEnv(port), stdio: 'inherit', timeout: 40_000 }),
  );
  // Detached: the broker (started with nohup by kafka.sh) then lives in its own process group, so the terminal's
  // Ctrl-C does not kill it under the services; it is stopped last, by the cleanup.
  await run('bash', [KAFKA_SCRIPT, 'start'], { env: kafkaEnv(port, fresh), detached: true });
  return { brokers, started: true };
}

/**
 * A fresh broker belongs to one run: the lock (our pid) tells a second `npm test` in the same checkout that the
 * broker on this port is in use, so that it stops with a clear message instead of wiping the first run's broker.
 * A lock whose process is gone is left over from a crashed run and is taken over.
 */
function takeBrokerLock(port, cleanup) {
  const dir = path.join(ROOT, 'infra/kafka/.run');
  const lock = path.join(dir, `fresh-${port}.lock`);
  mkdirSync(dir, { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lock, 'utf8').trim());
      if (owner && owner !== process.pid && processAlive(owner)) {
        throw new Error(
          `another run (pid ${owner}) is using the Kafka broker on port ${port}; wait for it to end, ` +
            'or set KAFKA_BROKERS to a broker of your own',
          { cause: error },
        );
      }
      rmSync(lock, { force: true }); // stale: its run is gone
    }
  }
  const release = () => {
    if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
  };
  cleanup?.add(`the Kafka lock of port ${port}`, async () => release(), release);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // exists, but belongs to another user
  }
}

export async function stopKafka(port) {
  // Not interruptible: kafka.sh stop is bounded (SIGKILL after 30 s), and cutting it would leave the broker running.
  await run('bash', [KAFKA_SCRIPT, 'stop'], { env: kafkaEnv(port), detached: true, interruptible: false });
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium, for the invitee page's browser test (apps/gateway/test/invitee-page.e2e-spec.ts)

const CHROMIUM = '/usr/bin/chromium';

/**
 * Installs Debian's chromium when it is missing and we are root with apt-get (CI, a fresh container); playwright-core
 * drives it, so no browser is downloaded from anywhere else. Without root the browser test skips, and this says so
 * here as well as in the test's output.
 */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0 || !commandExists('apt-get')) {
    log.warn(
      `${CHROMIUM} is missing and installing it needs root and apt-get: the invitee page's browser test will be skipped (apt-get install chromium)`,
    );
    return;
  }
  log.info(`${CHROMIUM} is missing: installing Debian's chromium for the invitee page's browser test`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', 'chromium'], { env });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
}

// ---------------------------------------------------------------------------------------------------------------
// Build

export async function build() {
  log.info('building the services (nx run-many -t build)');
  // No daemon (nothing left running afterwards), no terminal UI (plain, prefixed logs), no Nx Cloud lookups.
  await run(bin('nx'), ['run-many', '-t', 'build', '--parallel=2'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  });
  const missing = SERVICES.map((s) => distMain(s.name)).filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(`the build did not produce ${missing.map((f) => path.relative(ROOT, f)).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Actor tokens (libs/messaging/src/internal-api/actor-token.ts): the gateway signs who is asking with the private
// key, the services check each call with the public key.

const PRIVATE_KEY_VAR = 'INTERNAL_AUTH_PRIVATE_KEY';
const PUBLIC_KEY_VAR = 'INTERNAL_AUTH_PUBLIC_KEY';

/**
 * The pair set in INTERNAL_AUTH_PRIVATE_KEY and INTERNAL_AUTH_PUBLIC_KEY, or, when neither is, a fresh Ed25519 pair
 * for this run (PEM). A half-set or mismatched pair is refused here: the services would answer 401 to every call.
 */
export function actorTokenKeys(env = process.env) {
  const given = { privateKey: env[PRIVATE_KEY_VAR], publicKey: env[PUBLIC_KEY_VAR] };
  if (!given.privateKey && !given.publicKey) {
    const pair = generateKeyPairSync('ed25519');
    return {
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }),
      generated: true,
    };
  }
  if (!given.privateKey || !given.publicKey)
    throw new Error(`set both ${PRIVATE_KEY_VAR} and ${PUBLIC_KEY_VAR}, or neither (a pair is then generated)`);
  const pem = (value) => value.replace(/\\n/g, '\n'); // the apps accept line breaks written as \n too
  const spki = (name, toPublic) => {
    try {
      return toPublic(pem(env[name])).export({ type: 'spki', format: 'der' }).toString('base64');
    } catch (error) {
      throw new Error(`${name} is not a PEM key the apps can read (${error.message})`, { cause: error });
    }
  };
  const derived = spki(PRIVATE_KEY_VAR, (value) => createPublicKey(createPrivateKey(value)));
  if (derived !== spki(PUBLIC_KEY_VAR, createPublicKey))
    throw new Error(`${PUBLIC_KEY_VAR} is not the public key of ${PRIVATE_KEY_VAR}`);
  return { ...given, generated: false };
}

/** One app's environment: the private key for the gateway only, the public key for the services. */
export function withActorTokenKey(app, env, keys) {
  const rest = { ...env };
  delete rest[PRIVATE_KEY_VAR];
  delete rest[PUBLIC_KEY_VAR];
  return app === 'gateway'
    ? { ...rest, [PRIVATE_KEY_VAR]: keys.privateKey }
    : { ...rest, [PUBLIC_KEY_VAR]: keys.publicKey };
}

// ---------------------------------------------------------------------------------------------------------------
// RSVP links: notifications derives each invitee's token from the invitation id under RSVP_TOKEN_SECRET.

const RSVP_SECRET_VAR = 'RSVP_TOKEN_SECRET';

/**
 * The key of the RSVP links: the one set in RSVP_TOKEN_SECRET, else the one kept in `file` (made on first use, in
 * the git-ignored .run/), so that an invitation from an earlier run gets the same link in a later mail. Without a
 * file (a fresh database each time, as the benchmark's), a new one.
 */
export function rsvpTokenSecret(env = process.env, file = path.join(ROOT, '.run/rsvp-token-secret')) {
  if (env[RSVP_SECRET_VAR]) return { secret: env[RSVP_SECRET_VAR], generated: false };
  if (!file) return { secret: randomBytes(32).toString('base64url'), generated: true };
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  }
  return { secret: readFileSync(file, 'utf8').trim(), generated: true, file };
}

/** One app's environment: the RSVP key for notifications only, the one service that reads it. */
export function withRsvpTokenSecret(app, env, secret) {
  const rest = { ...env };
  delete rest[RSVP_SECRET_VAR];
  return app === 'notifications' ? { ...rest, [RSVP_SECRET_VAR]: secret } : rest;
}

// ---------------------------------------------------------------------------------------------------------------
// The V8 heap settings every service runs with, chosen from the benchmark's memory and GC figures (README,
// "Performance"). One file, also read by the e2e stack; the Dockerfile's NODE_OPTIONS must carry the same flags
// (tools/deploy/dockerfile.ts checks it).

const SERVICE_NODE_OPTIONS = JSON.parse(
  readFileSync(path.join(ROOT, 'tools/lib/service-node-options.json'), 'utf8'),
).nodeOptions;

/** A service's environment with the heap settings first, so that NODE_OPTIONS set by the caller may override them. */
export function withServiceNodeOptions(env) {
  return { ...env, NODE_OPTIONS: [SERVICE_NODE_OPTIONS, env.NODE_OPTIONS].filter(Boolean).join(' ') };
}

// ---------------------------------------------------------------------------------------------------------------
// Ports and HTTP readiness

/** True when nothing listens on host:port (we can bind it ourselves). */
export function isPortFree(port, host = '0.0.0.0') {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Resolves when `url` answers 200; rejects after `timeoutMs` (naming the last answer) or when `signal` aborts. */
export async function waitForHttp(url, timeoutMs, { signal, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const attempt = AbortSignal.timeout(3000);
      const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, attempt]) : attempt });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      signal?.throwIfAborted();
      last = error.cause?.code ?? error.cause?.message ?? error.message;
    }
    if (Date.now() >= deadline)
      throw new Error(`${url} was not ready within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
    await sleep(intervalMs, undefined, { signal });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Long-running child processes (services, MailDev)

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const COLORS = [36, 35, 33, 32, 34, 96, 95];
let nextColor = 0;

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the whole process group: the child and anything it started
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * A set of long-running children, each in its own process group (so that Ctrl-C reaches only this script, which
 * then stops them in order), their output prefixed line by line with their name.
 * `onUnexpectedExit(name, code, signal)` is called when one exits before `stopAll()`.
 */
export class ProcessGroup {
  #children = new Map();
  #stopping = false;

  constructor({ onUnexpectedExit, labelWidth = 0 } = {}) {
    this.onUnexpectedExit = onUnexpectedExit;
    this.labelWidth = labelWidth;
  }

  spawn(name, command, args, { env = process.env, cwd = ROOT } = {}) {
    if (this.#stopping) throw new Error(`not starting ${name}: shutting down`);
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const text = `${name.padEnd(this.labelWidth)} |`;
    const label = useColor ? `\x1b[${COLORS[nextColor++ % COLORS.length]}m${text}\x1b[0m` : text;
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${label} ${line}\n`));
    }
    // 'close' comes after the output is drained, so a crash's last lines are printed before it is reported.
    const exited = new Promise((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    this.#children.set(name, { child, exited });
    void exited.then(({ code, signal, error }) => {
      this.#children.delete(name);
      if (!this.#stopping)
        this.onUnexpectedExit?.(name, error ? `could not start: ${error.message}` : (signal ?? `code ${code}`));
    });
    return child;
  }

  /** SIGTERM to every child, SIGKILL to those still running after `graceMs`. */
  async stopAll(graceMs = 10_000) {
    this.#stopping = true;
    await Promise.all(
      [...this.#children].map(async ([name, { child, exited }]) => {
        signalGroup(child.pid, 'SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), sleep(graceMs, false, { ref: false })]);
        if (!stopped) {
          log.warn(`${name} did not stop within ${graceMs / 1000} s; killing it`);
          signalGroup(child.pid, 'SIGKILL');
          await exited;
        }
      }),
    );
  }

  /** Immediate SIGKILL (a second Ctrl-C, or the process is exiting). */
  killAll() {
    this.#stopping = true;
    for (const { child } of this.#children.values()) signalGroup(child.pid, 'SIGKILL');
  }
}
