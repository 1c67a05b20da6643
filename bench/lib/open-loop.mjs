// An open-loop load generator: requests are due at a uniform rate whatever the server does, over at most
// `connections` keep-alive connections (a request finding them all busy waits for one), and each latency is
// measured from the moment the request was due, so a stall is charged to every request it delayed (no
// coordinated omission). Used beside autocannon, whose `overallRate` sends each connection's per-second quota in a
// burst at the start of every second.
import http from 'node:http';
import { now, round, sleep, summarize } from './util.mjs';

/**
 * @param {{ url: string, method: string, headers?: Record<string,string>, body?: string, rate: number,
 *           durationS: number, connections: number }} o
 */
export async function openLoop(o) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  const target = new URL(o.url);
  const total = Math.round(o.rate * o.durationS);
  const interval = 1000 / o.rate;
  const fromDue = [];
  const service = [];
  const statuses = {};
  let errors = 0;
  let inFlight = 0;
  let lastDone = 0;
  const send = (due) =>
    new Promise((resolve) => {
      inFlight += 1;
      let sentAt = null;
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: o.method,
          agent,
          headers: { ...o.headers, ...(o.body ? { 'Content-Length': Buffer.byteLength(o.body) } : {}) },
          timeout: 30_000,
        },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => {
            const at = now();
            lastDone = at;
            statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
            if (response.statusCode >= 200 && response.statusCode < 300) {
              fromDue.push(at - due);
              service.push(at - (sentAt ?? due));
            }
            inFlight -= 1;
            resolve();
          });
        },
      );
      request.on('socket', (socket) => {
        const mark = () => (sentAt = now());
        if (socket.connecting) socket.once('connect', mark);
        else mark();
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors += 1;
        inFlight -= 1;
        resolve();
      });
      request.end(o.body);
    });

  const pending = [];
  const start = now() + 5;
  let issued = 0;
  let maxInFlight = 0;
  while (issued < total) {
    const t = now();
    while (issued < total && start + issued * interval <= t) {
      pending.push(send(start + issued * interval));
      issued += 1;
    }
    maxInFlight = Math.max(maxInFlight, inFlight);
    await sleep(Math.max(0, Math.min(interval, start + issued * interval - now())));
  }
  await Promise.race([Promise.all(pending), sleep(30_000)]);
  agent.destroy();
  const ok = fromDue.length;
  return {
    targetRate: o.rate,
    sent: total,
    ok,
    errors,
    statuses,
    // completions per second until the last one: below the target rate, the server did not keep up
    achievedRate: round((ok / (lastDone - start)) * 1000),
    maxInFlight,
    latency: summarize(fromDue),
    serviceTime: summarize(service),
  };
}
