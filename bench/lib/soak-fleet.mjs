// The soak's service processes: every service a real process, notifications and submissions twice (their
// timers, outbox relays and Kafka consumers compete). Each replica listens on its own port; for a service with
// replicas, a TCP balancer on the service's port (the one the gateway calls, as SUBMISSIONS_URL etc. default to)
// spreads the gateway's connections over the replicas that accept them, as a Kubernetes Service would.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, sleep } from './util.mjs';

const PORT_VARIABLE = {
  gateway: 'GATEWAY_PORT',
  scheduling: 'SCHEDULING_PORT',
  submissions: 'SUBMISSIONS_PORT',
  notifications: 'NOTIFICATIONS_PORT',
};

/** Round robin over the replicas' ports; a replica that refuses the connection is skipped. */
class Balancer {
  #next = 0;
  #sockets = new Set();

  constructor(port, ports) {
    this.port = port;
    this.ports = ports;
  }

  start() {
    this.server = net.createServer((client) => this.#relay(client));
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
  }

  #relay(client, tried = 0) {
    if (tried === 0) client.on('error', () => client.destroy());
    if (tried >= this.ports.length) return client.destroy();
    const port = this.ports[this.#next++ % this.ports.length];
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    client.pause();
    upstream.on('error', () => {
      upstream.destroy();
      if (!connected && !client.destroyed) this.#relay(client, tried + 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      this.#sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.#sockets.delete(client);
        this.#sockets.delete(upstream);
      };
      client.once('close', close);
      upstream.once('close', close);
    });
  }

  stop() {
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export class Fleet {
  /** name (`notifications#2`) → { name, service, port, child, starts } */
  replicas = new Map();
  balancers = [];

  /**
   * @param {import('./stack.mjs').Stack} stack prepared with `start({ services: false })`
   * @param {{ replicas: Record<string, number>, onStart?: (replica) => void }} options
   */
  constructor(stack, options) {
    this.stack = stack;
    this.options = options;
  }

  async start() {
    for (const service of ['scheduling', 'submissions', 'notifications', 'gateway']) {
      const count = this.options.replicas[service] ?? 1;
      const ports =
        count === 1 ? [this.stack.ports[service]] : await Promise.all(Array.from({ length: count }, freePort));
      ports.forEach((port, i) => {
        const name = count === 1 ? service : `${service}#${i + 1}`;
        this.replicas.set(name, { name, service, port, child: null, starts: 0 });
      });
      if (count > 1) {
        const balancer = new Balancer(this.stack.ports[service], ports);
        await balancer.start();
        this.balancers.push(balancer);
      }
    }
    // The first replica of each service first: two replicas migrating the same schema at once is not what we test.
    const first = [...this.replicas.values()].filter((r) => !r.name.includes('#') || r.name.endsWith('#1'));
    await Promise.all(first.map((r) => this.startReplica(r.name)));
    const rest = [...this.replicas.values()].filter((r) => !first.includes(r));
    await Promise.all(rest.map((r) => this.startReplica(r.name)));
  }

  get names() {
    return [...this.replicas.keys()];
  }

  /**
   * Spawns the replica and waits until it is ready (its /health/ready answers 200). One that exits while starting
   * is started again, twice at most, as a supervisor (Kubernetes) would.
   */
  async startReplica(name, timeoutMs = 180_000) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#spawnReplica(name, timeoutMs);
      } catch (error) {
        if (!error.exited || attempt >= 3) throw error;
        this.options.onCrashAtStart?.(name, error);
        await sleep(2000 * attempt);
      }
    }
  }

  async #spawnReplica(name, timeoutMs) {
    const replica = this.replicas.get(name);
    const { dist, root, logDir } = this.stack.options;
    const log = openSync(path.join(logDir, `${name.replace('#', '-')}.log`), 'a');
    const env = {
      ...this.stack.environmentOf(replica.service),
      [PORT_VARIABLE[replica.service]]: String(replica.port),
    };
    const child = spawn(process.execPath, [path.join(dist, 'apps', replica.service, 'main.js')], {
      cwd: root,
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    replica.child = child;
    replica.starts += 1;
    this.options.onStart?.(replica);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        const error = new Error(`${name} exited (${child.exitCode ?? child.signalCode}) while starting; see its log`);
        throw Object.assign(error, { exited: true });
      }
      if ((await this.readiness(name)) === 200) return;
      if (Date.now() > deadline) throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
      await sleep(200);
    }
  }

  /** The status of the replica's /health/ready, or 0 when it does not answer. */
  async readiness(name) {
    try {
      const response = await fetch(`http://127.0.0.1:${this.replicas.get(name).port}/health/ready`, {
        signal: AbortSignal.timeout(3000),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return 0;
    }
  }

  /** Sends the signal and waits for the exit (a SIGTERM that is not done in 20 s becomes a SIGKILL). */
  async stopReplica(name, signal = 'SIGTERM') {
    const child = this.replicas.get(name)?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  running(name) {
    const child = this.replicas.get(name)?.child;
    return Boolean(child && child.exitCode === null && child.signalCode === null);
  }

  async stop() {
    await Promise.all(this.names.map((name) => this.stopReplica(name)));
    await Promise.all(this.balancers.map((b) => b.stop()));
  }

  killAll() {
    for (const { child } of this.replicas.values()) child?.kill('SIGKILL');
  }
}
