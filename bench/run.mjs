// `npm run bench [-- fanout|raw|gateway|report|webhooks|audit]`: brings up everything it needs (dependencies, PostgreSQL, a build when
// dist is missing, a fresh Kafka broker of its own, a fresh database, the four services, an SMTP listener), runs
// the benchmarks of issues 8 and 12, prints a table and writes bench/results/<timestamp>.json. See bench/README.md.
//
// Only Node built-ins and tools/lib/infra.mjs at the top: this runs before dependencies may be installed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
} from '../tools/lib/infra.mjs';
import { ensureBuilt } from './lib/ensure-built.mjs';

setLogTag('bench');
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, 'dist');
const SERVICES = ['scheduling', 'submissions', 'notifications', 'gateway'];

const which = process.argv[2] ?? 'all';
// `idle` (start, warm up, measure the idle CPU, stop) is for diagnosis; it has no npm script.
if (!['all', 'fanout', 'raw', 'gateway', 'report', 'webhooks', 'audit', 'idle'].includes(which)) {
  console.error('usage: node bench/run.mjs [all|fanout|raw|gateway|report|webhooks|audit|idle]');
  process.exit(2);
}
const want = (name) => which === 'all' || which === name;

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const config = {
  which,
  fanoutN: (process.env.BENCH_FANOUT_N ?? '200,1000').split(',').map(Number).filter(Boolean),
  mail: {
    batchSize: num('MAIL_BATCH_SIZE', 20),
    maxConnections: num('MAIL_MAX_CONNECTIONS', 5),
  },
  eventPartitions: num('KAFKA_EVENT_PARTITIONS', 6),
  gateway: {
    connections: num('BENCH_CONNECTIONS', 50),
    warmupS: num('BENCH_WARMUP_S', 3),
    saturateS: num('BENCH_SATURATE_S', 10),
    rateS: num('BENCH_RATE_S', 10),
    rate: { GET: num('BENCH_RATE_GET', 0), POST: num('BENCH_RATE_POST', 0) }, // 0: half the gateway's closed-loop rate
  },
  kafkaPort: num('BENCH_KAFKA_PORT', 19492),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  cpuProf: (process.env.BENCH_CPU_PROF ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  rawMailBytes: num('BENCH_RAW_MAIL_BYTES', 0),
  idleS: num('BENCH_IDLE_S', 10),
  webhooks: {
    n: num('BENCH_WEBHOOK_N', 500),
    perSubscription: num('WEBHOOK_CONCURRENCY_PER_SUBSCRIPTION', 4),
  },
  /** Extra node options for the four services (e.g. heap limits), for experiments. */
  serviceNodeOptions: process.env.BENCH_SERVICE_NODE_OPTIONS ?? '',
};
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

const cleanup = new Cleanup();
let stack;
let interrupted = false;
onShutdownSignal(async (signal, count) => {
  if (count > 1) process.exit(130);
  interrupted = true;
  log.warn(`${signal}: stopping`);
  stack?.killAll();
  await cleanup.runAll();
  process.exit(130);
});

function kafkaVersion() {
  const pom = readFileSync(path.join(ROOT, 'infra/kafka/pom.xml'), 'utf8');
  const version = /<artifactId>kafka_2\.13<\/artifactId>\s*<version>([^<]+)</.exec(pom)?.[1] ?? 'unknown';
  const property = /^\$\{(.+)\}$/.exec(version)?.[1];
  return property ? (new RegExp(`<${property.replace(/\./g, '\\.')}>([^<]+)<`).exec(pom)?.[1] ?? version) : version;
}

async function main() {
  const started = Date.now();
  await ensureDependencies();
  const serverUrl = databaseUrlOf();
  await ensurePostgres(serverUrl);
  if (which !== 'raw') await ensureBuilt(DIST, 'BENCH_BUILD');

  // Installed only now (ensureDependencies may just have installed them).
  const { ProcessSampler } = await import('./lib/process-sampler.mjs');
  const { Stack } = await import('./lib/stack.mjs');
  const { registerBase, runFanout, warmUp } = await import('./fanout.mjs');
  const { runRaw, tuneRaw } = await import('./raw.mjs');
  const { measureRoute, startBare, startRawHttp } = await import('./gateway.mjs');
  const { evaluate, machineInfo, render } = await import('./lib/report.mjs');
  const { measureReport, reportScale, seedReportYear } = await import('./activity-report.mjs');
  const { runWebhooks } = await import('./webhooks.mjs');
  const { auditScale, measureAudit, seedAudit } = await import('./audit.mjs');
  const { runTag, conferenceDraft } = await import('./lib/directory.mjs');
  const { now, stamp } = await import('./lib/util.mjs');

  const runStamp = stamp();
  const resultsDir = path.join(HERE, 'results');
  const logDir = path.join(resultsDir, `${runStamp}-logs`);
  mkdirSync(logDir, { recursive: true });

  const kafkaStarted = now();
  const kafka = await startKafka({ port: config.kafkaPort, fresh: true, cleanup });
  const kafkaMs = Math.round(now() - kafkaStarted);
  if (interrupted) return;

  mkdirSync(path.join(logDir, 'cpu-prof'), { recursive: true });
  const sampler = new ProcessSampler(200);
  sampler.start();
  const database = `pressconf_bench_${runStamp.toLowerCase()}`;
  const profDir = path.join(logDir, 'cpu-prof');
  stack = new Stack({
    root: ROOT,
    dist: DIST,
    serverUrl,
    database,
    kafkaBrokers: kafka.brokers,
    logDir,
    sampler,
    env: {
      LOG_LEVEL: config.logLevel,
      GATEWAY_RATE_LIMIT: '1000000000',
      MAIL_BATCH_SIZE: String(config.mail.batchSize),
      MAIL_MAX_CONNECTIONS: String(config.mail.maxConnections),
      KAFKA_EVENT_PARTITIONS: String(config.eventPartitions),
      // The webhook bench's receiver listens on loopback, which only an allowed host may be.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    },
    serviceEnv: Object.fromEntries(
      SERVICES.map((s) => {
        const options = [
          config.serviceNodeOptions,
          config.cpuProf.includes(s) ? `--require ${path.join(HERE, 'lib/cpu-profiler.cjs')}` : '',
        ]
          .filter(Boolean)
          .join(' ');
        return [
          s,
          {
            NODE_OPTIONS: options,
            ...(config.cpuProf.includes(s) ? { BENCH_PROF_DIR: profDir, BENCH_PROF_NAME: s } : {}),
          },
        ];
      }),
    ),
  });
  // A phase: peak RSS and CPU seconds are kept per phase, and profiled services write one CPU profile per phase.
  let currentPhase = null;
  const heap = {};
  // V8's own view at the end of each phase (prom-client's default metrics on each service's /metrics): how much
  // of the resident memory is JavaScript heap in use, heap reserved, and memory outside the heap.
  const heapSnapshot = async () => {
    const snapshot = {};
    for (const service of stack.processes.keys()) {
      try {
        const response = await fetch(`http://127.0.0.1:${stack.ports[service]}/metrics`, {
          signal: AbortSignal.timeout(3000),
        });
        const text = await response.text();
        const metric = (name) =>
          Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
        const r = (x) => (Number.isNaN(x) ? null : Math.round(x));
        // Seconds the main thread spent in GC so far, every kind (scavenge, mark-compact, incremental) summed.
        const gcSeconds = [...text.matchAll(/^nodejs_gc_duration_seconds_sum(?:\{[^}]*\})? ([0-9.e+-]+)$/gm)].reduce(
          (sum, match) => sum + Number(match[1]),
          0,
        );
        snapshot[service] = {
          gcSeconds,
          heapUsedMb: r(metric('nodejs_heap_size_used_bytes')),
          heapTotalMb: r(metric('nodejs_heap_size_total_bytes')),
          externalMb: r(metric('nodejs_external_memory_bytes')),
          rssMb: r(metric('process_resident_memory_bytes')),
        };
      } catch {
        /* not answering: left out */
      }
    }
    return snapshot;
  };
  const phase = async (name) => {
    if (currentPhase && stack.processes.size) heap[currentPhase] = await heapSnapshot();
    if (currentPhase && config.cpuProf.length) {
      writeFileSync(path.join(profDir, 'phase'), currentPhase);
      for (const service of config.cpuProf) stack.processes.get(service)?.kill('SIGWINCH');
    }
    currentPhase = name;
    if (name) sampler.phase(name);
    else sampler.endPhase();
  };
  sampler.track('bench (load, SMTP)', process.pid);
  const kafkaPidFile = path.join(ROOT, `infra/kafka/.run/${config.kafkaPort}/kafka.pid`);
  if (kafka.started && existsSync(kafkaPidFile))
    sampler.track('kafka broker', Number(readFileSync(kafkaPidFile, 'utf8').trim()));
  cleanup.add(`the benchmark stack (database ${database})`, () => stack.stop());

  const results = {
    startedAt: new Date(started).toISOString(),
    command: which === 'idle' ? 'node bench/run.mjs idle' : `npm run bench${which === 'all' ? '' : `:${which}`}`,
    machine: machineInfo(),
    loadAverageAtStart: loadAverage(),
    versions: { kafka: kafkaVersion() },
    config,
  };
  const runServices = which !== 'raw';
  log.info(runServices ? 'starting the four services' : 'preparing the database and the SMTP listener');
  await phase('startup');
  await stack.start({ services: runServices });
  results.versions.postgres = `PostgreSQL ${(await stack.query('SHOW server_version'))[0].server_version}`;
  if (runServices) {
    results.startup = { ...stack.startup, kafkaMs };
    delete results.startup.spawnedAt;
    log.info(`stack ready in ${(stack.startup.readyMs / 1000).toFixed(1)} s`);
  }

  const tag = runTag();
  let warm;
  if (runServices) {
    await phase('warm-up');
    await registerBase(stack, tag);
    warm = await warmUp(stack, tag);
    log.info(
      `warm-up done: the base directory invites ${warm.baseInvitees}; an invitation is ${warm.invitationBytes} bytes`,
    );
    results.invitationBytes = warm.invitationBytes;
    // What the services cost while nothing happens (consumer fetch loops, outbox and mail polling).
    if (config.idleS > 0) {
      await phase('idle');
      await new Promise((resolve) => setTimeout(resolve, config.idleS * 1000));
      results.idleCpuPercent = Object.fromEntries(
        Object.entries(sampler.cpuSecondsSoFar(SERVICES)).map(([n, s]) => [
          n,
          Math.round((s / config.idleS) * 1000) / 10,
        ]),
      );
      log.info(
        `idle CPU over ${config.idleS} s: ${Object.entries(results.idleCpuPercent)
          .map(([n, p]) => `${n} ${p}%`)
          .join(', ')}`,
      );
    }
  }
  const mailBytes = warm?.invitationBytes ?? (config.rawMailBytes || 60_000);

  // Tuned at each N up to 1,000; a larger N (a national call) runs once at the settings found last.
  let tunedMail = config.mail;
  const rawFor = async (n) => {
    await phase(`raw ${n}`);
    log.info(`raw limit: ${n} messages`);
    const measure = n <= 1000 ? tuneRaw : (o) => runRaw({ ...o, mail: tunedMail });
    const raw = await measure({
      sink: stack.smtp,
      kafkaBrokers: kafka.brokers,
      databaseUrl: stack.databaseUrl,
      n,
      mailBytes,
      mail: config.mail,
      partitions: config.eventPartitions,
      sampler,
      timeoutMs: 60_000 + n * 300,
    });
    if (raw.settings) tunedMail = raw.settings;
    log.info(`raw ${n}: ${raw.mailsPerSecond} mails/s, lost ${raw.lost}, duplicated ${raw.duplicated}`);
    return raw;
  };

  if (want('fanout')) {
    results.fanout = [];
    for (const n of config.fanoutN) {
      if (interrupted) return;
      await phase(`fan-out ${n}`);
      log.info(`fan-out: calling a conference with ${n} invitees`);
      const fan = await runFanout(stack, { n, tag, baseInvitees: warm.baseInvitees, timeoutMs: 60_000 + n * 300 });
      fan.cpuMsPerInvitation = Object.fromEntries(
        Object.entries(sampler.cpuSecondsSoFar(SERVICES)).map(([name, sec]) => [
          name,
          Math.round((sec * 1000 * 10) / fan.n) / 10,
        ]),
      );
      log.info(
        `fan-out ${n}: ${fan.invitationsPerSecond} invitations/s, last after ${fan.lastMs} ms, lost ${fan.lost}, duplicated ${fan.duplicated}`,
      );
      const raw = await rawFor(fan.n);
      results.fanout.push({ requestedN: n, ...fan, raw });
    }
  } else if (which === 'raw') {
    results.raw = [];
    for (const n of config.fanoutN) results.raw.push(await rawFor(n));
  }

  if (want('gateway')) {
    const g = config.gateway;
    const conferenceId = warm.conference.id;
    const postBody = conferenceDraft('Hội nghị cung cấp thông tin (benchmark)');
    const fixture = {
      get: (await stack.api('GET', `/conferences/${conferenceId}`)).body,
      post: (await stack.api('POST', '/conferences', postBody)).body,
    };
    const bare = await startBare({ root: ROOT, logDir, fixture, sampler });
    cleanup.add('the bare Nest app', () => bare.stop());
    const rawHttp = await startRawHttp({ databaseUrl: stack.databaseUrl, fixture, conferenceId, sampler });
    cleanup.add('the raw HTTP hop', () => rawHttp.stop());
    results.gateway = {
      connections: g.connections,
      saturateS: g.saturateS,
      rateS: g.rateS,
      conferenceParticipants: fixture.get.participants?.length,
      gateway: {},
      'raw-http': {},
      bare: {},
    };
    for (const route of ['GET', 'POST']) {
      // The fixed rate: BENCH_RATE_<route>, or half of what the gateway answered in the closed loop (a load it
      // can carry, so the latency is not that of an ever-growing queue); the raw hop and the bare app get the same rate.
      let rate = g.rate[route] || null;
      for (const [target, base] of [
        ['gateway', stack.baseUrl],
        ['raw-http', rawHttp.base],
        ['bare', bare.base],
      ]) {
        if (interrupted) return;
        await phase(`${target} ${route}`);
        log.info(
          `${target} ${route}: ${g.warmupS} s warm-up, ${g.saturateS} s closed loop, then ${g.rateS} s at a fixed rate twice`,
        );
        const measured = await measureRoute({
          base,
          route,
          conferenceId,
          body: postBody,
          headers: { 'x-api-key': stack.adminKey },
          connections: g.connections,
          warmupS: g.warmupS,
          saturateS: g.saturateS,
          rateS: g.rateS,
          rateFor: (closedLoop) => (rate ??= Math.max(1, Math.round(closedLoop / 2))),
        });
        // The broker is listed although no request crosses it any more: its share should be only the services'
        // idle polling, and shows if a request still touches Kafka.
        const cpu = sampler.cpuSecondsSoFar(
          {
            gateway: ['gateway', 'scheduling', 'kafka broker'],
            'raw-http': ['raw-http front', 'raw-http back'],
            bare: ['bare-nest'],
          }[target],
        );
        measured.cpuMsPerRequest = Object.fromEntries(
          Object.entries(cpu).map(([n, s]) => [n, Math.round((s * 1000 * 100) / measured.requests) / 100]),
        );
        results.gateway[target][route] = measured;
        log.info(
          `${target} ${route}: ${measured.saturated.requestsPerSecond} req/s closed loop; at ${measured.rate} req/s p99 ${measured.openLoopAtRate.latency.p99} ms (open loop)`,
        );
      }
    }
    await phase(null);
    await bare.stop();
    await rawHttp.stop();
  }

  if (want('webhooks') && runServices) {
    await phase('webhooks');
    log.info(`webhooks: ${config.webhooks.n} incident events published, each POSTed to one subscriber`);
    results.webhooks = await runWebhooks(stack, config.webhooks, kafka.brokers);
    log.info(
      `webhooks: ${results.webhooks.deliveriesPerSecond} deliveries/s (raw ${results.webhooks.raw.deliveriesPerSecond}/s), lost ${results.webhooks.lost}, duplicated ${results.webhooks.duplicated}`,
    );
  }

  if (want('report') && runServices) {
    await phase('report');
    const scale = reportScale();
    log.info('activity report: seeding a year of the projection');
    const seeded = await seedReportYear(stack, scale);
    results.report = { scale, seeded, ...(await measureReport(stack, scale)) };
    log.info(
      `activity report over a year: JSON ${results.report.json.medianMs} ms, PDF ${results.report.pdf.medianMs} ms (median of ${scale.repeats})`,
    );
  }

  if (want('audit') && runServices) {
    const scale = auditScale();
    await phase('audit seed');
    log.info(`audit trail: seeding ${scale.rows} rows over a year in the four schemas`);
    const seeded = await seedAudit(stack, scale, (line) => log.info(line));
    results.audit = { scale, seeded, ...(await measureAudit(stack, scale, seeded, phase)) };
    const newest = results.audit.cases[0];
    log.info(
      `audit trail: newest page ${newest.api.medianMs ?? newest.api.error} ms (raw ${newest.raw.medianMs} ms), CSV ${results.audit.csv.rowsPerSecond ?? results.audit.csv.error} rows/s`,
    );
  }

  await phase(null);
  if (config.cpuProf.length) await new Promise((resolve) => setTimeout(resolve, 2000)); // profiles being written
  sampler.phase('shutdown');
  await stack.stop();
  sampler.stop();
  results.memory = sampler.toJSON();
  results.memory.heapAtPhaseEnd = heap;
  delete results.memory.phases.shutdown;
  results.durationS = Math.round((Date.now() - started) / 1000);
  results.loadAverageAtEnd = loadAverage();

  evaluate(results);
  const file = path.join(resultsDir, `${runStamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${render(results)}\n`);
  log.info(
    `results: ${path.relative(ROOT, file)}; service logs: ${path.relative(ROOT, logDir)}/ (${results.durationS} s in all)`,
  );
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  log.error(error.stack ?? String(error));
}
await cleanup.runAll();
process.exit(failed ? 1 : 0);
