// Gateway: GET /api/v1/conferences/{id} and POST /api/v1/conferences through the real gateway (API key, guards,
// validation, a signed actor token, internal HTTP to scheduling, PostgreSQL), through the raw HTTP hop
// (raw-http/: node:http front, undici keep-alive pool, node:http back, one SQL statement per request, no
// framework: the ceiling of that design) and through a bare NestJS app started here (bare/main.cjs) that answers
// the same JSON, in the same run:
//   - throughput: autocannon, 50 connections, closed loop (as fast as answers come) → requests/s;
//   - latency at a fixed arrival rate: autocannon `overallRate` (its p50/p99/max), and the open-loop generator
//     (lib/open-loop.mjs) at the same rate, measured from each request's due time.
import { fork, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openLoop } from './lib/open-loop.mjs';
import { freePort, round, sleep, until } from './lib/util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ ...options, timeout: 30 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function summarizeCannon(result) {
  const ok = result['2xx'];
  return {
    requestsPerSecond: round(ok / result.duration),
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.average),
    },
  };
}

/** Starts the bare Nest app answering `fixture` ({ get, post }); returns its base URL and a stop function. */
export async function startBare({ root, logDir, fixture, sampler }) {
  const port = await freePort();
  const fixtureFile = path.join(logDir, 'bare-fixture.json');
  writeFileSync(fixtureFile, JSON.stringify(fixture));
  const child = spawn(process.execPath, [path.join(HERE, 'bare/main.cjs')], {
    cwd: root,
    env: { ...process.env, BARE_PORT: String(port), BARE_FIXTURE: fixtureFile, NODE_OPTIONS: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`the bare Nest app exited with ${child.exitCode}`);
      try {
        const response = await fetch(`${base}/conferences/00000000-0000-4000-8000-000000000000`);
        await response.body?.cancel();
        return response.status === 200;
      } catch {
        return false;
      }
    },
    { timeoutMs: 30_000, what: 'the bare Nest app answering' },
  );
  sampler?.track('bare-nest', child.pid);
  let stopped = false;
  return {
    base,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      sampler?.untrack('bare-nest');
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Measures one route of one target: a warm-up, the closed-loop throughput, then the latency at a fixed arrival
 * rate, which `rateFor(closedLoopRequestsPerSecond)` picks (the same for the gateway and the bare app).
 * @param {{ base: string, route: 'GET'|'POST', conferenceId: string, body: object, headers: object,
 *           connections: number, warmupS: number, saturateS: number, rateS: number,
 *           rateFor: (closedLoopRps: number) => number }} o
 */
export async function measureRoute(o) {
  const url = o.route === 'GET' ? `${o.base}/conferences/${o.conferenceId}` : `${o.base}/conferences`;
  const request = {
    url,
    method: o.route,
    headers: { ...o.headers, ...(o.route === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(o.route === 'POST' ? { body: JSON.stringify(o.body) } : {}),
    connections: o.connections,
  };
  const warm = o.warmupS > 0 ? await cannon({ ...request, duration: o.warmupS }) : null;
  const saturated = summarizeCannon(await cannon({ ...request, duration: o.saturateS }));
  const rate = o.rateFor(saturated.requestsPerSecond);
  await sleep(500);
  const atRate = summarizeCannon(await cannon({ ...request, duration: o.rateS, overallRate: rate }));
  await sleep(500);
  const open = await openLoop({
    url,
    method: o.route,
    headers: request.headers,
    body: request.body,
    rate,
    durationS: o.rateS,
    connections: o.connections,
  });
  const requests =
    (warm ? warm['2xx'] + warm.non2xx : 0) + saturated.ok + saturated.non2xx + atRate.ok + atRate.non2xx + open.sent;
  return { url, rate, requests, saturated, autocannonAtRate: atRate, openLoopAtRate: open };
}

/**
 * Starts the raw HTTP hop (raw-http/back.mjs, then raw-http/front.mjs in front of it), each on a port of its own;
 * the back keeps its table in a schema of its own in the run's database.
 */
export async function startRawHttp({ databaseUrl, fixture, conferenceId, sampler }) {
  const [port, backPort] = await Promise.all([freePort(), freePort()]);
  const env = {
    ...process.env,
    NODE_OPTIONS: '',
    DATABASE_URL: databaseUrl,
    RAW_HTTP_PORT: String(port),
    RAW_HTTP_BACK_PORT: String(backPort),
    RAW_HTTP_BACK_URL: `http://127.0.0.1:${backPort}`,
    RAW_HTTP_CONFERENCE_ID: conferenceId,
    RAW_HTTP_FIXTURE_JSON: JSON.stringify(fixture),
  };
  const children = [];
  const started = (name, file) =>
    new Promise((resolve, reject) => {
      const child = fork(path.join(HERE, 'raw-http', file), [], {
        env,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push([name, child]);
      const timer = setTimeout(() => reject(new Error(`${name} was not ready within 60 s`)), 60_000);
      child.once('message', () => {
        clearTimeout(timer);
        sampler?.track(name, child.pid);
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const [name, child] of [...children].reverse()) {
      sampler?.untrack(name);
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await started('raw-http back', 'back.mjs');
    await started('raw-http front', 'front.mjs');
  } catch (error) {
    await stop(); // the back is not left running when the front fails to start
    throw error;
  }
  return { base: `http://127.0.0.1:${port}/api/v1`, stop };
}
