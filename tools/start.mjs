// `npm start`: the whole system on this machine, from a fresh clone, in one command.
//
// Installs dependencies, builds, makes sure PostgreSQL answers and gives each service a database role of its own
// (tools/lib/database-roles.mjs; DATABASE_URL is the admin connection that sets them up), starts Kafka (port 9092, unless KAFKA_BROKERS is
// set) and MailDev (unless SMTP_URL is set), generates the actor-token key pair (unless INTERNAL_AUTH_PRIVATE_KEY
// and INTERNAL_AUTH_PUBLIC_KEY are set), starts the four services, waits until each is ready, seeds the demo
// directory of the province's profile (PROVINCE_PROFILE, default Đắk Lắk's), and prints where to go. Ctrl-C stops everything it started; a service that exits
// on its own stops everything too, with a non-zero exit code.
//
// Node built-ins only: this runs before `npm ci` has installed anything.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Cleanup,
  ProcessGroup,
  ROOT,
  SERVICES,
  actorTokenKeys,
  bin,
  build,
  databaseUrlOf,
  distMain,
  ensureDependencies,
  ensurePostgres,
  interruptForeground,
  isPortFree,
  log,
  onShutdownSignal,
  setLogTag,
  startKafka,
  waitForHttp,
  withActorTokenKey,
  rsvpTokenSecret,
  withRsvpTokenSecret,
  withServiceNodeOptions,
} from './lib/infra.mjs';
import { seedAgencies } from './demo/seed.mjs';
import { DEFAULT_PROVINCE, demoDirectoryOf, readProfile } from './lib/province.mjs';

setLogTag('start');

const env = process.env;
const READY_TIMEOUT_MS = Number(env.READY_TIMEOUT_MS || 180_000); // first start runs every migration
const MAILDEV = { smtpPort: 1025, webPort: 1080 };

const cleanup = new Cleanup();
const stopController = new AbortController(); // aborts waits in progress when we stop
const labelWidth = Math.max('maildev'.length, ...SERVICES.map((s) => s.name.length));
const onUnexpectedExit = (name, how) => {
  log.error(`${name} exited unexpectedly (${how}); stopping everything`);
  void shutdown(1);
};
const helpers = new ProcessGroup({ labelWidth, onUnexpectedExit });
const services = new ProcessGroup({ labelWidth, onUnexpectedExit });
let stopping = false;

class Stopping extends Error {}
/** Called between steps: once a stop is under way, starting anything more would only leak it. */
function checkpoint() {
  if (stopping) throw new Stopping();
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  stopController.abort(new Stopping());
  interruptForeground();
  log.info('stopping everything this command started…');
  await cleanup.runAll();
  log.info('stopped');
  process.exit(code);
}

onShutdownSignal((signal, count) => {
  if (count === 1) {
    log.info(`${signal} received`);
    void shutdown(0); // a requested stop is a normal end, not an error for npm to report
  } else {
    log.warn(`${signal} again: killing the services and MailDev now`);
    services.killAll();
    helpers.killAll();
  }
});

const portOf = (service) => Number(env[service.portVar] || service.defaultPort);

async function main() {
  const gatewayPort = portOf(SERVICES[0]);
  const databaseUrl = databaseUrlOf(env);
  const startMailDev = !env.SMTP_URL;
  const keys = actorTokenKeys(env); // first: a half-set or mismatched pair fails before the build, not after
  const rsvp = rsvpTokenSecret(env); // kept in .run/: links mailed in an earlier run stay the ones later mail carries
  const province = readProfile(env.PROVINCE_PROFILE || DEFAULT_PROVINCE);
  const demoFile = demoDirectoryOf(province);

  // Busy ports would only show up as a crash minutes later, after the build: say so now.
  const wanted = SERVICES.map((s) => ({ what: `${s.portVar} of ${s.name}`, port: portOf(s), host: '0.0.0.0' }));
  if (startMailDev) {
    wanted.push({ what: 'MailDev SMTP', port: MAILDEV.smtpPort, host: '127.0.0.1' });
    wanted.push({ what: 'MailDev web', port: MAILDEV.webPort, host: '127.0.0.1' });
  }
  const busy = [];
  for (const { what, port, host } of wanted) if (!(await isPortFree(port, host))) busy.push(`${port} (${what})`);
  if (busy.length > 0) {
    throw new Error(
      `${busy.length > 1 ? 'ports' : 'port'} ${busy.join(', ')} already in use: is another \`npm start\` or the test suite running? ` +
        'Stop it, or choose other ports with GATEWAY_PORT, SCHEDULING_PORT, SUBMISSIONS_PORT, NOTIFICATIONS_PORT (and SMTP_URL for your own mail server)',
    );
  }

  await ensureDependencies();
  checkpoint();
  await build(); // before any infrastructure, so that a compile error does not start and stop a broker for nothing
  checkpoint();
  await ensurePostgres(databaseUrl);
  checkpoint();
  // Each service connects as its own role, owner of its schema only; loaded now that npm ci has installed pg.
  const { provisionServiceRoles, DEFAULT_PREFIX } = await import('./lib/database-roles.mjs');
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
  const serviceDatabaseUrls = await provisionServiceRoles({ adminUrl: databaseUrl, database });
  checkpoint();
  const kafka = await startKafka({ port: 9092, fresh: env.KAFKA_FRESH === '1', cleanup });
  checkpoint();

  let smtpUrl = env.SMTP_URL;
  if (startMailDev) {
    // Its own mail directory, removed at the end: MailDev would otherwise leave one in /tmp on every run.
    const mailDir = mkdtempSync(path.join(tmpdir(), 'pressconf-maildev-'));
    const removeMailDir = () => rmSync(mailDir, { recursive: true, force: true });
    cleanup.add('the MailDev directory', async () => removeMailDir(), removeMailDir);
    cleanup.add(
      'MailDev',
      () => helpers.stopAll(5_000),
      () => helpers.killAll(),
    );
    helpers.spawn('maildev', bin('maildev'), [
      '--mail-directory',
      mailDir,
      '--smtp',
      String(MAILDEV.smtpPort),
      '--web',
      String(MAILDEV.webPort),
      '--ip',
      '127.0.0.1',
      '--web-ip',
      '127.0.0.1',
    ]);
    await waitForHttp(`http://127.0.0.1:${MAILDEV.webPort}/`, 30_000, { signal: stopController.signal });
    smtpUrl = `smtp://127.0.0.1:${MAILDEV.smtpPort}`;
  }
  checkpoint();

  const adminKey = env.GATEWAY_ADMIN_API_KEY || `pk_admin_${randomBytes(32).toString('base64url')}`;
  const serviceEnv = {
    ...env,
    DATABASE_URL: databaseUrl, // replaced per service by its role's URL, which holds its password
    DATABASE_PASSWORD: undefined,
    KAFKA_BROKERS: kafka.brokers,
    SMTP_URL: smtpUrl,
    GATEWAY_ADMIN_API_KEY: adminKey,
    PROVINCE_PROFILE: env.PROVINCE_PROFILE || DEFAULT_PROVINCE,
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL || `http://127.0.0.1:${gatewayPort}`,
    TZ_DISPLAY: env.TZ_DISPLAY || 'Asia/Ho_Chi_Minh',
    ...Object.fromEntries(SERVICES.map((s) => [s.portVar, String(portOf(s))])),
  };

  cleanup.add(
    'the services',
    () => services.stopAll(15_000),
    () => services.killAll(),
  );
  const startedAt = Date.now();
  for (const service of SERVICES) {
    const appEnv = withServiceNodeOptions(
      withRsvpTokenSecret(
        service.name,
        withActorTokenKey(service.name, { ...serviceEnv, DATABASE_URL: serviceDatabaseUrls[service.name] }, keys),
        rsvp.secret,
      ),
    );
    services.spawn(service.name, process.execPath, [distMain(service.name)], { env: appEnv });
  }
  log.info(`waiting for ${SERVICES.map((s) => s.name).join(', ')} to be ready (up to ${READY_TIMEOUT_MS / 1000} s)`);
  await Promise.all(
    SERVICES.map(async (service) => {
      await waitForHttp(`http://127.0.0.1:${portOf(service)}/health/ready`, READY_TIMEOUT_MS, {
        signal: stopController.signal,
      });
      log.info(`${service.name} is ready (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
    }),
  );
  checkpoint();

  // Demo data is a convenience: when it cannot be loaded the system still runs, and the reason is printed.
  let seeded = 'none: the province profile names no demo directory';
  if (demoFile) {
    try {
      const result = await seedAgencies(`http://127.0.0.1:${gatewayPort}`, adminKey, demoFile);
      seeded =
        `${result.created.length} created, ${result.skipped.length} already present` +
        (result.failed.length > 0 ? `, ${result.failed.length} FAILED (see above)` : '');
    } catch (error) {
      log.warn(`demo agencies not seeded: ${error.message}`);
      seeded = 'not seeded (see the warning above)';
    }
  }
  checkpoint();

  const base = `http://127.0.0.1:${gatewayPort}`;
  const line = '─'.repeat(78);
  const rows = [
    ['Province', `${province.profile.name ?? '?'} (${path.relative(ROOT, province.file)}; PROVINCE_PROFILE)`],
    ['REST API', `${base}/api/v1`],
    ['Swagger UI', `${base}/docs`],
    ['AsyncAPI', `${base}/asyncapi.json`],
    [
      'Mail catcher',
      startMailDev
        ? `http://127.0.0.1:${MAILDEV.webPort}  (every e-mail sent lands here)`
        : `none: mail goes to SMTP_URL (${smtpUrl})`,
    ],
    ['Admin API key', `${adminKey}  (header X-API-Key)`],
    [
      'Actor tokens',
      keys.generated ? 'a key pair generated for this run' : 'INTERNAL_AUTH_PRIVATE_KEY / INTERNAL_AUTH_PUBLIC_KEY',
    ],
    ['RSVP link key', rsvp.generated ? `kept in ${path.relative(ROOT, rsvp.file)}` : 'RSVP_TOKEN_SECRET'],
    ['Demo agencies', seeded],
    [
      'Kafka',
      `${kafka.brokers}${kafka.started ? '' : env.KAFKA_BROKERS ? ' (KAFKA_BROKERS)' : ' (was already running; left running)'}`,
    ],
    ['Database', `${databaseUrl}  (each service as its role ${DEFAULT_PREFIX}_<service>)`],
  ];
  process.stdout.write(
    `\n${line}\n  The press-conference system is running.\n\n` +
      rows.map(([k, v]) => `  ${k.padEnd(14)} ${v}`).join('\n') +
      `\n\n  Stop everything with Ctrl-C.\n${line}\n\n`,
  );
}

main().catch(async (error) => {
  if (error instanceof Stopping || stopping) return; // a stop is already under way and will exit
  log.error(error.message);
  await shutdown(1);
});
