// `npm run soak`: the chaos soak of issue 19. Brings the system up as `npm run bench` does (its own Kafka broker, a
// fresh database, a real SMTP listener, every service a real process, two replicas of notifications and
// submissions), runs a steady mixed load through the REST API for SOAK_MINUTES while faults are injected at seeded
// random intervals, drains, checks the invariants, prints a table, writes bench/results/<stamp>-soak.json and exits
// non-zero when an invariant broke. SOAK_SEED=<the printed seed> runs the same faults and load again.
//
// Only Node built-ins and tools/lib/infra.mjs at the top: this runs before dependencies may be installed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Cleanup,
  databaseUrlOf,
  ensureDependencies,
  ensurePostgres,
  log,
  onShutdownSignal,
  setLogTag,
  startKafka,
  withDatabase,
} from '../tools/lib/infra.mjs';
import { ensureBuilt } from './lib/ensure-built.mjs';

setLogTag('soak');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, 'dist');

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const range = (name, fallback) => (process.env[name] ?? fallback).split('-').map(Number);
const minutes = num('SOAK_MINUTES', 10);
const config = {
  minutes,
  seed: num('SOAK_SEED', Math.floor(Math.random() * 2 ** 31)),
  kafkaPort: num('SOAK_KAFKA_PORT', 19592),
  workers: num('SOAK_WORKERS', 4),
  invitees: range('SOAK_INVITEES', '20-500'),
  faultIntervalS: range('SOAK_FAULT_INTERVAL_S', '15-45'),
  /** Fault durations × this: half length below 10 minutes, so that a short run still drains in time. */
  faultScale: num('SOAK_FAULT_SCALE', minutes >= 10 ? 1 : 0.5),
  weights: Object.fromEntries(
    (process.env.SOAK_FAULTS ?? 'sigkill=3,sigterm=2,kafka=1,postgres=2,smtpRefuse=1,smtpDown=1,poison=2')
      .split(',')
      .map((pair) => pair.split('='))
      .map(([kind, weight]) => [kind.trim(), Number(weight)]),
  ),
  /** `connections` (default): the soak's database closed and its sessions cut; `cluster`: pg_ctlcluster restart. */
  pgRestart: process.env.SOAK_PG_RESTART ?? 'connections',
  drainS: num('SOAK_DRAIN_S', 300),
  maxBacklog: num('SOAK_MAX_BACKLOG', 1000),
  /** At least this long between two calls (the mail of a call of 500 takes half a minute on 2 cores). */
  callIntervalS: num('SOAK_CALL_INTERVAL_S', 20),
  maxHeapSlope: num('SOAK_MAX_HEAP_SLOPE', 1),
  /** Requests per operation of the API fuzzing run after the soak (0: none); long runs fuzz by default. */
  fuzzRuns: num('SOAK_FUZZ_RUNS', minutes >= 10 ? 32 : 0),
  mailBatchSize: 20,
};

const cleanup = new Cleanup();
let fleet;
onShutdownSignal(async (signal, count) => {
  if (count > 1) process.exit(130);
  log.warn(`${signal}: stopping`);
  fleet?.killAll();
  await cleanup.runAll();
  process.exit(130);
});

/** The PostgreSQL cluster to restart with SOAK_PG_RESTART=cluster: SOAK_PG_CLUSTER, or the one pg_lsclusters lists. */
function pgCluster() {
  if (process.env.SOAK_PG_CLUSTER) return process.env.SOAK_PG_CLUSTER;
  const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n')[0];
  return line.split(/\s+/).slice(0, 2).join(' ');
}

async function main() {
  const started = Date.now();
  await ensureDependencies();
  const serverUrl = databaseUrlOf();
  await ensurePostgres(serverUrl);
  await ensureBuilt(DIST, 'SOAK_BUILD');
  const pg = (await import('pg')).default;
  const { Stack } = await import('./lib/stack.mjs');
  const { Fleet } = await import('./lib/soak-fleet.mjs');
  const { SoakClient } = await import('./lib/soak-client.mjs');
  const { SoakLoad } = await import('./lib/soak-load.mjs');
  const { Chaos } = await import('./lib/soak-chaos.mjs');
  const { MemoryMonitor } = await import('./lib/soak-monitor.mjs');
  const { drain } = await import('./lib/soak-drain.mjs');
  const invariants = await import('./lib/soak-invariants.mjs');
  const { soakKafka } = await import('./lib/soak-kafka.mjs');
  const { memoryInvariant, renderSoak } = await import('./lib/soak-report.mjs');
  const { seededRandom } = await import('./lib/soak-random.mjs');
  const { runFuzz } = await import('./lib/soak-fuzz.mjs');
  const { runTag } = await import('./lib/directory.mjs');
  const { stamp } = await import('./lib/util.mjs');

  log.info(`seed ${config.seed} (SOAK_SEED=${config.seed} runs the same faults and load again)`);
  const random = seededRandom(config.seed);
  const runStamp = stamp();
  const resultsDir = path.join(HERE, 'results');
  const logDir = path.join(resultsDir, `${runStamp}-soak-logs`);
  mkdirSync(logDir, { recursive: true });
  const kafka = await startKafka({ port: config.kafkaPort, fresh: true, cleanup });
  if (!kafka.started) config.weights.kafka = 0; // a broker we did not start is not ours to stop

  const database = `pressconf_soak_${runStamp.toLowerCase()}`;
  const stack = new Stack({
    root: ROOT,
    dist: DIST,
    serverUrl,
    database,
    kafkaBrokers: kafka.brokers,
    logDir,
    env: {
      LOG_LEVEL: 'info',
      GATEWAY_RATE_LIMIT: '1000000000',
      GATEWAY_AUTH_FAILURE_LIMIT: '1000000000',
      GATEWAY_RSVP_ADDRESS_RATE_LIMIT: '1000000000',
      GATEWAY_RSVP_TOKEN_RATE_LIMIT: '1000000000',
      // No mail given up over an outage of a minute, and a lease that a crash leaves behind ends soon.
      MAIL_MAX_ATTEMPTS: '50',
      MAIL_RETRY_INITIAL_MS: '500',
      MAIL_RETRY_MAX_MS: '10000',
      MAIL_LEASE_MS: '20000',
      MAIL_BATCH_SIZE: String(config.mailBatchSize),
    },
  });
  const serverAdmin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await serverAdmin.connect();
  cleanup.add(
    `the soak stack (database ${database})`,
    async () => {
      await serverAdmin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await serverAdmin.end().catch(() => undefined);
      await fleet?.stop();
      await stack.stop();
    },
    // Exiting on an uncaught error: at least no service is left running.
    () => fleet?.killAll(),
  );
  await stack.start({ services: false });
  stack.smtp.captureTokens = true;
  const crashesAtStart = [];
  fleet = new Fleet(stack, {
    replicas: { notifications: 2, submissions: 2 },
    onCrashAtStart: (name, error) => {
      crashesAtStart.push({ at: new Date().toISOString(), name, error: error.message });
      log.warn(`${name} exited while starting; starting it again`);
    },
  });
  log.info('starting the services: scheduling, gateway, two replicas of submissions and of notifications');
  await fleet.start();

  const client = new SoakClient(stack.baseUrl);
  const load = new SoakLoad({
    client,
    adminKey: stack.adminKey,
    sink: stack.smtp,
    random: random.fork(),
    tag: runTag(),
    invitees: config.invitees,
    maxBacklog: config.maxBacklog,
    callIntervalS: config.callIntervalS,
    // Mail still to send: queued, and invitees of called conferences whose invitations are not queued yet.
    backlog: () =>
      stack
        .query(
          `SELECT (SELECT count(*) FROM notifications.delivery WHERE status = 'PENDING')
                + (SELECT count(*) FROM scheduling.participant p JOIN scheduling.conference c ON c.id = p.conference_id
                    WHERE c.called_at IS NOT NULL)
                - (SELECT count(*) FROM notifications.invitation) AS n`,
        )
        .then((rows) => Number(rows[0].n))
        .catch(() => Number.MAX_SAFE_INTEGER),
  });
  await load.prepare();
  const chaos = new Chaos({
    fleet,
    sink: stack.smtp,
    random: random.fork(),
    root: ROOT,
    kafkaPort: config.kafkaPort,
    kafkaBrokers: kafka.brokers,
    database,
    admin: serverAdmin,
    pgRestart: config.pgRestart,
    pgCluster: config.pgRestart === 'cluster' ? pgCluster() : undefined,
    intervalS: config.faultIntervalS,
    scale: config.faultScale,
    weights: config.weights,
    log: (line) => log.info(line),
  });
  const monitor = new MemoryMonitor(fleet);
  monitor.start();
  log.info(`load and faults for ${config.minutes} min (${config.workers} workers)`);
  const loadDone = load.run(config.workers);
  const chaosDone = chaos.run();
  await new Promise((resolve) => setTimeout(resolve, config.minutes * 60_000));
  load.stop();
  await loadDone;
  log.info('load stopped; waiting for the faults under way to end');
  await chaos.stop();
  await chaosDone;

  const drainStarted = Date.now();
  log.info(`draining (up to ${config.drainS} s): every replica ready, no outbox backlog, no mail pending, no lag`);
  const drained = await drain({ fleet, stack, kafka: soakKafka(kafka.brokers), timeoutMs: config.drainS * 1000, log });
  monitor.stop();
  const drainS = Math.round((Date.now() - drainStarted) / 1000);

  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const kafkaClient = soakKafka(kafka.brokers);
  const conferenceEvents = await invariants.conferenceEventsOf(kafkaClient);
  const slopes = monitor.slopes();
  const held = [
    {
      name: 'drained: every replica ready, outbox and mail queue empty, no lag',
      held: drained.ok,
      counts: drained.counts,
    },
    ...(await invariants.mailInvariants({ db, sink: stack.smtp, chaos, batchSize: config.mailBatchSize })),
    ...(await invariants.domainInvariants({ db, conferenceEvents })),
    invariants.orderInvariant(conferenceEvents),
    ...(await invariants.kafkaInvariants({ kafka: kafkaClient, chaos })),
    await invariants.outboxInvariant(db),
    invariants.serverErrorInvariant({ client, chaos, graceMs: 15_000 }),
    memoryInvariant(slopes, { judged: config.minutes >= 10, maxHeapSlope: config.maxHeapSlope }),
  ];
  await db.end();
  if (config.fuzzRuns > 0) {
    // The soak's stack is done with: the fuzzing brings its own, on the same broker.
    await fleet.stop();
    await stack.stop();
    const fuzzArgs = { root: ROOT, dist: DIST, kafkaBrokers: kafka.brokers, seed: config.seed, runs: config.fuzzRuns };
    held.push(await runFuzz({ ...fuzzArgs, log }));
  }

  const results = {
    command: 'npm run soak',
    startedAt: new Date(started).toISOString(),
    minutes: config.minutes,
    seed: config.seed,
    replicas: 'scheduling ×1, submissions ×2, notifications ×2, gateway ×1',
    config,
    drainS,
    faults: chaos.summary(),
    faultLog: chaos.faults,
    poisons: chaos.poisons,
    operations: client.summary(),
    invariants: held,
    memory: slopes,
    memoryJudged: config.minutes >= 10,
    maxHeapSlope: config.maxHeapSlope,
    mailsReceived: stack.smtp.received.length,
    crashesAtStart,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  const file = path.join(resultsDir, `${runStamp}-soak.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${renderSoak(results)}\n`);
  const broken = held.filter((i) => !i.held);
  log.info(`results: ${path.relative(ROOT, file)}; service logs: ${path.relative(ROOT, logDir)}/`);
  if (broken.length) {
    for (const b of broken)
      log.error(`BROKEN: ${b.name} ${JSON.stringify(b.counts)} ${JSON.stringify(b.detail ?? '')}`);
    return false;
  }
  return true;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  log.error(error.stack ?? String(error));
}
await cleanup.runAll();
process.exit(ok ? 0 : 1);
