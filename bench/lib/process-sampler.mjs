// Samples the resident memory (VmRSS, and the kernel's own peak VmHWM) and the CPU time of named processes from
// /proc, every `everyMs`, and keeps the peak RSS and CPU seconds used per phase of the benchmark.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

function readStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null; // exited
  }
}

export function readCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may contain spaces) start after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
  } catch {
    return null;
  }
}

export class ProcessSampler {
  #pids = new Map(); // name -> pid
  #timer;
  #phase = null;
  /** phase -> name -> { peakRssMb, cpuStart, cpuEnd } */
  phases = new Map();
  /** name -> peak VmRSS seen over the whole run (MB), and the kernel's VmHWM at the last sample */
  overall = new Map();

  constructor(everyMs = 200) {
    this.everyMs = everyMs;
  }

  track(name, pid) {
    this.#pids.set(name, pid);
    this.#sample();
  }

  /** Call before the process ends, so that its CPU time in the current phase is kept. */
  untrack(name) {
    this.#sample();
    const pid = this.#pids.get(name);
    const current = this.#phase ? this.phases.get(this.#phase)?.get(name) : null;
    if (current && pid) current.cpuEnd = readCpuSeconds(pid) ?? current.cpuEnd;
    this.#pids.delete(name);
  }

  start() {
    this.#timer = setInterval(() => this.#sample(), this.everyMs);
    this.#timer.unref();
  }

  stop() {
    this.#sample();
    clearInterval(this.#timer);
  }

  /** Starts a phase; CPU seconds and peak RSS are then also kept for it, until the next phase() or endPhase(). */
  phase(name) {
    this.endPhase();
    this.#phase = name;
    const entry = new Map();
    for (const [proc, pid] of this.#pids) {
      entry.set(proc, { peakRssMb: 0, cpuStart: readCpuSeconds(pid), cpuEnd: null });
    }
    this.phases.set(name, entry);
    this.#sample();
  }

  endPhase() {
    if (!this.#phase) return;
    this.#sample();
    for (const [proc, stats] of this.phases.get(this.#phase)) {
      const pid = this.#pids.get(proc);
      if (pid) stats.cpuEnd = readCpuSeconds(pid) ?? stats.cpuEnd;
    }
    this.#phase = null;
  }

  #sample() {
    const current = this.#phase ? this.phases.get(this.#phase) : null;
    for (const [name, pid] of this.#pids) {
      const status = readStatus(pid);
      if (!status) continue;
      const rssMb = status.rssKb / 1024;
      const seen = this.overall.get(name) ?? { peakRssMb: 0, hwmMb: 0 };
      seen.peakRssMb = Math.max(seen.peakRssMb, rssMb);
      seen.hwmMb = Math.max(seen.hwmMb, status.hwmKb / 1024);
      this.overall.set(name, seen);
      if (current) {
        const stats = current.get(name) ?? { peakRssMb: 0, cpuStart: readCpuSeconds(pid), cpuEnd: null };
        stats.peakRssMb = Math.max(stats.peakRssMb, rssMb);
        current.set(name, stats);
      }
    }
  }

  /** CPU seconds used by the named processes since the current phase began. */
  cpuSecondsSoFar(names) {
    const current = this.#phase ? this.phases.get(this.#phase) : null;
    const out = {};
    for (const name of names) {
      const pid = this.#pids.get(name);
      const stats = current?.get(name);
      const cpu = pid ? readCpuSeconds(pid) : null;
      if (stats && stats.cpuStart !== null && cpu !== null) out[name] = cpu - stats.cpuStart;
    }
    return out;
  }

  /** Plain object for the JSON report. */
  toJSON() {
    const r = (x) => (x === null || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
    return {
      overall: Object.fromEntries(
        [...this.overall].map(([n, s]) => [n, { peakRssMb: r(s.peakRssMb), hwmMb: r(s.hwmMb) }]),
      ),
      phases: Object.fromEntries(
        [...this.phases].map(([phase, procs]) => [
          phase,
          Object.fromEntries(
            [...procs].map(([n, s]) => [
              n,
              {
                peakRssMb: r(s.peakRssMb),
                cpuSeconds: s.cpuStart === null || s.cpuEnd === null ? null : r(s.cpuEnd - s.cpuStart),
              },
            ]),
          ),
        ]),
      ),
    };
  }
}
