// The soak's faults, at seeded random intervals, each on its own resource (a replica, the broker, the database, the
// mail server) so that faults on different resources pile up: SIGKILL and restart of a replica, SIGTERM and
// restart of another, the Kafka broker stopped for 5–60 s, the database's connections cut (or the cluster
// restarted), the SMTP listener refusing with 4xx or gone, a poison message on an event topic.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { sleep } from './util.mjs';

const run = promisify(execFile);
export const EVENT_TOPICS = [
  'scheduling.incident.v1',
  'scheduling.conference.v1',
  'submissions.brief-request.v1',
  'submissions.briefing-pack.v1',
  'notifications.invitation.v1',
];
/** Each a message no consumer can take: it must end on the topic's DLQ, once per consuming group. */
const POISONS = [
  (marker) => `not json ${marker}`,
  (marker) => JSON.stringify({ id: marker, type: 'scheduling.conference.called.v1', data: { poison: true } }),
  (marker) => JSON.stringify({ marker, version: 'x', data: null }),
];

export class Chaos {
  /** @type {Array<{ kind: string, target: string, startedAt: number, endedAt?: number, detail: string, error?: string }>} */
  faults = [];
  /** Every poison sent; `acked` when the broker confirmed it (an unconfirmed one may or may not be on the topic). */
  /** @type {Array<{ marker: string, topic: string, at: number, acked: boolean }>} */
  poisons = [];
  #busy = new Set();
  #running = new Set();
  #stopped = false;

  /**
   * @param {{ fleet: import('./soak-fleet.mjs').Fleet, sink: import('./smtp-sink.mjs').SmtpSink, random: ReturnType<import('./soak-random.mjs').seededRandom>,
   *           root: string, kafkaPort: number, kafkaBrokers: string, database: string, admin: import('pg').Client,
   *           pgRestart: 'connections' | 'cluster', pgCluster?: string, intervalS: [number, number], scale: number,
   *           weights: Record<string, number>, log: (line: string) => void }} options
   */
  constructor(options) {
    this.options = options;
    this.random = options.random;
  }

  /** Starts faults until stop(); each runs on its own and ends by itself. */
  async run() {
    const [min, max] = this.options.intervalS;
    while (!this.#stopped) {
      await sleep(this.random.between(min, max) * 1000);
      if (this.#stopped) break;
      const kind = this.random.weighted(this.options.weights);
      const fault = this[kind]();
      if (!fault) continue; // its resource is busy with another fault
      this.#running.add(fault);
      fault.finally(() => this.#running.delete(fault));
    }
  }

  /** No new faults; waits for those under way to end (every process back, the broker and database up). */
  async stop() {
    this.#stopped = true;
    await Promise.allSettled([...this.#running]);
  }

  /** Runs `body` as the fault `kind` on `target` unless a fault holds that resource already. */
  #fault(kind, target, detail, body) {
    if (this.#busy.has(target)) return null;
    this.#busy.add(target);
    const record = { kind, target, startedAt: Date.now(), detail };
    this.faults.push(record);
    this.options.log(`fault: ${kind} ${target} (${detail})`);
    return (async () => {
      try {
        await body();
      } catch (error) {
        record.error = String(error?.message ?? error);
        this.options.log(`fault ${kind} ${target} failed: ${record.error}`);
      } finally {
        record.endedAt = Date.now();
        this.#busy.delete(target);
      }
    })();
  }

  #seconds(min, max) {
    return Math.max(1, Math.round(this.random.between(min, max) * this.options.scale));
  }

  #restartAfter(kind, signal) {
    const { fleet } = this.options;
    const name = this.random.pick(fleet.names);
    const pause = this.#seconds(1, 10);
    return this.#fault(kind, name, `${signal}, restarted after ${pause} s`, async () => {
      await fleet.stopReplica(name, signal);
      await sleep(pause * 1000);
      await fleet.startReplica(name);
    });
  }

  sigkill() {
    return this.#restartAfter('sigkill', 'SIGKILL');
  }

  sigterm() {
    return this.#restartAfter('sigterm', 'SIGTERM');
  }

  kafka() {
    const down = this.#seconds(5, 60);
    const script = path.join(this.options.root, 'infra/kafka/kafka.sh');
    const env = { ...process.env, KAFKA_PORT: String(this.options.kafkaPort) };
    return this.#fault('kafka', 'kafka', `broker stopped for ${down} s`, async () => {
      await run('bash', [script, 'stop'], { env, timeout: 60_000 });
      await sleep(down * 1000);
      await run('bash', [script, 'start'], { env, timeout: 120_000 });
    });
  }

  postgres() {
    const down = this.#seconds(3, 20);
    const { admin, database, pgRestart, pgCluster } = this.options;
    if (pgRestart === 'cluster') {
      return this.#fault('postgres', 'postgres', `pg_ctlcluster ${pgCluster} restart`, async () => {
        await run('pg_ctlcluster', [...pgCluster.split(' '), 'restart'], { timeout: 120_000 });
      });
    }
    return this.#fault('postgres', 'postgres', `connections refused and cut for ${down} s`, async () => {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      try {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
        await sleep(down * 1000);
      } finally {
        await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      }
    });
  }

  smtpRefuse() {
    const down = this.#seconds(10, 60);
    const { sink } = this.options;
    return this.#fault('smtp-refuse', 'smtp', `451 for ${down} s`, async () => {
      sink.refuseWith = '451 4.3.2 System not accepting network messages';
      try {
        await sleep(down * 1000);
      } finally {
        sink.refuseWith = null;
      }
    });
  }

  smtpDown() {
    const down = this.#seconds(10, 60);
    const { sink } = this.options;
    return this.#fault('smtp-down', 'smtp', `listener closed for ${down} s`, async () => {
      await sink.stop();
      try {
        await sleep(down * 1000);
      } finally {
        await sink.start();
      }
    });
  }

  poison() {
    const topic = this.random.pick(EVENT_TOPICS);
    const marker = `soak-poison-${randomUUID()}`;
    const value = this.random.pick(POISONS)(marker);
    return this.#fault('poison', `poison ${marker}`, topic, async () => {
      const kafka = new Kafka({
        clientId: 'soak-poison',
        brokers: this.options.kafkaBrokers.split(','),
        logLevel: logLevel.NOTHING,
        retry: { retries: 20, maxRetryTime: 5000 },
      });
      const producer = kafka.producer();
      const poison = { marker, topic, at: Date.now(), acked: false };
      this.poisons.push(poison);
      await producer.connect();
      try {
        await producer.send({
          topic,
          acks: -1,
          messages: [{ key: marker, value, headers: { 'soak-poison': marker } }],
        });
        poison.acked = true;
      } finally {
        await producer.disconnect();
      }
    });
  }

  /** Faults by kind: how many, and how many failed to be injected or undone. */
  summary() {
    const out = {};
    for (const fault of this.faults) {
      const row = (out[fault.kind] ??= { injected: 0, failed: 0 });
      row.injected += 1;
      if (fault.error) row.failed += 1;
    }
    return out;
  }

  /** Whether `at` falls in a fault's window (from its start to `graceMs` after its end). */
  during(at, graceMs, kinds) {
    return this.faults.some(
      (f) =>
        (!kinds || kinds.includes(f.kind)) &&
        at >= f.startedAt &&
        at <= (f.endedAt ?? Number.MAX_SAFE_INTEGER) + graceMs,
    );
  }
}
