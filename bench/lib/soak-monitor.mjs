// Memory of every replica over the soak: resident set (from /proc) and V8 heap in use (from its /metrics), every
// few seconds, and at the end the slope of each over the last half of the run (MB per minute), by least squares.
import { readFileSync } from 'node:fs';

function rssMb(pid) {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

async function heapMb(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(3000) });
    const text = await response.text();
    const bytes = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text)?.[1];
    return bytes ? Number(bytes) / 2 ** 20 : null;
  } catch {
    return null;
  }
}

/** Least-squares slope of y over x (minutes), or null with fewer than three points. */
function slope(points) {
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? null : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

export class MemoryMonitor {
  /** @type {Array<{ at: number, name: string, pid: number, rssMb: number | null, heapMb: number | null }>} */
  samples = [];
  #timer;

  /** @param {import('./soak-fleet.mjs').Fleet} fleet */
  constructor(fleet, everyMs = 5000) {
    this.fleet = fleet;
    this.everyMs = everyMs;
  }

  start() {
    this.startedAt = Date.now();
    const tick = async () => {
      for (const replica of this.fleet.replicas.values()) {
        const pid = replica.child?.pid;
        if (!pid || !this.fleet.running(replica.name)) continue;
        this.samples.push({
          at: Date.now(),
          name: replica.name,
          pid,
          rssMb: rssMb(pid),
          heapMb: await heapMb(replica.port),
        });
      }
    };
    this.#timer = setInterval(() => void tick(), this.everyMs);
    this.#timer.unref();
  }

  stop() {
    clearInterval(this.#timer);
    this.endedAt = Date.now();
  }

  /**
   * Per replica, over the last half of the run: the slopes of RSS and heap of the process that lived through most of
   * it (a replica restarted in the second half is judged on its longest-lived process there), with the share of
   * the half it covered.
   */
  slopes() {
    const half = this.startedAt + (this.endedAt - this.startedAt) / 2;
    const span = this.endedAt - half;
    const out = {};
    for (const name of this.fleet.names) {
      const byPid = new Map();
      for (const s of this.samples.filter((x) => x.name === name && x.at >= half)) {
        byPid.set(s.pid, [...(byPid.get(s.pid) ?? []), s]);
      }
      const longest = [...byPid.values()].sort((a, b) => b.length - a.length)[0] ?? [];
      const points = (field) =>
        longest.filter((s) => s[field] !== null).map((s) => ({ x: (s.at - half) / 60_000, y: s[field] }));
      const covered = longest.length ? (longest[longest.length - 1].at - longest[0].at) / span : 0;
      const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
      out[name] = {
        rssSlopeMbPerMin: round(slope(points('rssMb'))),
        heapSlopeMbPerMin: round(slope(points('heapMb'))),
        lastRssMb: round(longest.at(-1)?.rssMb ?? null),
        lastHeapMb: round(longest.at(-1)?.heapMb ?? null),
        covered: Math.round(covered * 100) / 100,
      };
    }
    return out;
  }
}
