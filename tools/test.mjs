// `npm test`: every test, against real PostgreSQL and a real, empty Kafka, from a fresh clone, in one command.
//
// Installs dependencies with `npm ci` (failing when package-lock.json is out of date), makes sure PostgreSQL answers, installs Debian's chromium for the browser test (when root),
// builds (the e2e global setup starts the services from dist/), runs lint and typecheck over every project (Nx),
// starts a fresh Kafka broker on port 19092 (unless KAFKA_BROKERS is set), creates a fresh database
// pressconf_test_<timestamp>, runs the unit tests and then the e2e tests, and always stops the broker it started and drops the database (unless KEEP_TEST_DB=1). Ends with the line
// `N passed, N failed` and exits non-zero when anything failed.
//
// Node built-ins only: this runs before `npm ci` has installed anything.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { warmUpGroupCoordinator } from './lib/warm-up-kafka.mjs';
import {
  Cleanup,
  bin,
  build,
  databaseUrlOf,
  ensureChromium,
  ensureDependencies,
  ensurePostgres,
  interruptForeground,
  log,
  onShutdownSignal,
  psql,
  psqlSync,
  quoteIdent,
  run,
  setLogTag,
  startKafka,
  withDatabase,
} from './lib/infra.mjs';

setLogTag('test');

const KAFKA_TEST_PORT = 19092; // not 9092, so that a broker of `npm start` is neither reused nor disturbed
const cleanup = new Cleanup();
const outputDir = mkdtempSync(path.join(tmpdir(), 'pressconf-test-'));
const results = []; // one per jest run: { project, passed, failed, skipped, brokenSuites, ok, note }
let interrupted = false;
let cleaningUp = false;

onShutdownSignal((signal) => {
  if (cleaningUp) {
    log.info('still cleaning up (stopping Kafka, dropping the test database); this takes a few seconds');
    return;
  }
  if (interrupted) return;
  interrupted = true;
  log.warn(`${signal} received: stopping the tests, then cleaning up`);
  interruptForeground(signal); // a terminal's Ctrl-C reached jest already; a `kill` of this process did not
});

/** `pressconf_test_20270115093000123`: sorts by time, so that kept databases are easy to find and drop. */
function timestamp() {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 17);
}

async function runJest(project, args, env) {
  const outputFile = path.join(outputDir, `jest-${project}.json`);
  log.info(`running the ${project} tests`);
  let exitError = null;
  try {
    // --json --outputFile writes the counts to a file; the normal report still goes to the terminal.
    await run(bin('jest'), ['--selectProjects', project, ...args, '--json', `--outputFile=${outputFile}`], { env });
  } catch (error) {
    exitError = error;
  }
  const report = existsSync(outputFile) ? JSON.parse(readFileSync(outputFile, 'utf8')) : null;
  if (!report) {
    // e.g. the global setup failed, or jest was interrupted: no counts, but certainly not a pass
    results.push({
      project,
      passed: 0,
      failed: 0,
      skipped: 0,
      brokenSuites: 0,
      ok: false,
      note: `no results (${exitError?.message ?? 'jest wrote no report'})`,
    });
    return;
  }
  results.push({
    project,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    brokenSuites: report.numRuntimeErrorTestSuites,
    ok: !exitError && report.success,
    note: exitError && report.success ? exitError.message : '',
  });
}

/**
 * Lint (ESLint and Prettier) and typecheck of every project, as `nx run-many` runs them for a developer. Each task
 * counts as one check: failed when Nx lists it among the failed tasks, passed otherwise.
 */
async function runChecks(targets) {
  log.info(`running ${targets.join(' and ')} over every project`);
  const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
  const { code, output } = await runCapturing(
    bin('nx'),
    ['run-many', '-t', ...targets, '--parallel=2', '--outputStyle=static'],
    env,
  );
  // The list under "Failed tasks:": `- project:target` (Nx 21+) or `- nx run project:target` (earlier).
  const failedList = output.slice(output.lastIndexOf('Failed tasks:'));
  const failedTasks = output.includes('Failed tasks:')
    ? [...failedList.matchAll(/^\s*-\s+(?:nx run )?([\w@/.-]+):(\w[\w-]*)\s*$/gm)].map((m) => m[2])
    : [];
  for (const target of targets) {
    const projects = JSON.parse(
      (await runCapturing(bin('nx'), ['show', 'projects', '--with-target', target, '--json'], env, false)).output,
    );
    const failed = failedTasks.filter((t) => t === target).length;
    const ok = code === 0 && failed === 0;
    const note = !ok && failed === 0 ? `nx exited with ${code}` : '';
    results.push({ project: target, passed: projects.length - failed, failed, skipped: 0, brokenSuites: 0, ok, note });
  }
}

/** Runs a command, its output shown as it comes (unless `echo` is false) and kept. */
function runCapturing(command, args, env, echo = true) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    if (echo) process.stdout.write(chunk);
    output += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

async function main() {
  await ensureDependencies({ checkLock: true });
  const serverUrl = databaseUrlOf();
  await ensurePostgres(serverUrl);
  if (interrupted) return;
  await ensureChromium();
  if (interrupted) return;
  await build();
  if (interrupted) return;
  await runChecks(['lint', 'typecheck']);
  if (interrupted) return;
  const kafka = await startKafka({ port: KAFKA_TEST_PORT, fresh: true, cleanup });
  if (interrupted) return;
  await warmUpGroupCoordinator(kafka.brokers);
  if (interrupted) return;

  // A database of its own: the tests neither see nor disturb the data of `npm start`, and each run starts empty.
  const database = `pressconf_test_${timestamp()}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const drop = `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`;
  cleanup.add(
    `the test database ${database}`,
    async () => {
      if (process.env.KEEP_TEST_DB === '1') log.info(`KEEP_TEST_DB=1: keeping the database ${database}`);
      else await psql(adminUrl, drop);
    },
    () => process.env.KEEP_TEST_DB !== '1' && psqlSync(adminUrl, drop),
  );
  await psql(adminUrl, `CREATE DATABASE ${quoteIdent(database)}`);
  log.info(`test database ${database}, Kafka ${kafka.brokers}`);

  const env = {
    ...process.env,
    KAFKA_BROKERS: kafka.brokers,
    DATABASE_URL: withDatabase(serverUrl, database),
    // The broker is ours: the resilience tests may stop and restart it.
    ...(kafka.started ? { KAFKA_TEST_PORT: String(KAFKA_TEST_PORT) } : {}),
  };
  await runJest('unit', [], env);
  if (interrupted) return;
  await runJest('e2e', ['--runInBand'], env); // e2e runs even when unit tests failed: one run shows every failure
}

let failure = null;
try {
  await main();
} catch (error) {
  failure = error;
  if (!interrupted) log.error(error.message); // when interrupted, the failing step is only the interruption
}
cleaningUp = true;
await cleanup.runAll();
rmSync(outputDir, { recursive: true, force: true });

const total = { passed: 0, failed: 0 };
for (const r of results) {
  total.passed += r.passed;
  total.failed += r.failed;
  const details = [`${r.passed} passed`, `${r.failed} failed`];
  if (r.skipped) details.push(`${r.skipped} skipped`);
  if (r.brokenSuites) details.push(`${r.brokenSuites} test suite(s) failed to run`);
  log.info(`${r.project}: ${details.join(', ')}${r.note ? `; ${r.note}` : ''}`);
}
const ok = !failure && !interrupted && results.length === 4 && results.every((r) => r.ok);
if (!ok) {
  const why = interrupted
    ? 'interrupted'
    : failure
      ? failure.message
      : results.length < 4
        ? 'not every check and test project ran'
        : 'see the failures above';
  log.error(`FAILED: ${why}`);
}
process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
process.exit(interrupted ? 130 : ok ? 0 : 1);
