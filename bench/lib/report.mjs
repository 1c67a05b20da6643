// The table printed at the end of a run, and the targets of issue 8 (reported, not asserted).
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function machineInfo() {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    /* not Linux */
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel,
    kernel: os.release(),
    node: process.version,
  };
}

const fmt = (x, digits = 0) => (x === null || x === undefined ? '–' : typeof x === 'number' ? x.toFixed(digits) : String(x));
const signed = (x) => (x === null || x === undefined ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Computes the ratios and target checks from the raw results; returns them for the JSON too. */
export function evaluate(results) {
  const targets = [];
  const fanout = results.fanout ?? [];
  for (const f of fanout) {
    f.ratioToRaw = ratio(f.invitationsPerSecond, f.raw?.mailsPerSecond);
    const rawCpu = results.memory?.phases?.[`raw ${f.n}`]?.['raw-worker']?.cpuSeconds;
    if (f.raw && rawCpu != null) f.raw.cpuMsPerMail = Math.round((rawCpu * 1000 * 10) / f.n) / 10;
  }
  const big = fanout.find((f) => f.requestedN === 1000) ?? fanout[fanout.length - 1];
  if (big) {
    targets.push({ target: `fan-out ≥ 0.5 × raw at N = ${big.n}`, value: big.ratioToRaw, met: big.ratioToRaw !== null && big.ratioToRaw >= 0.5 });
    targets.push({ target: `fan-out N = ${big.n}: 0 lost, 0 duplicated`, value: `${big.lost} lost, ${big.duplicated} dup`, met: big.lost === 0 && big.duplicated === 0 });
  }
  for (const f of fanout.filter((x) => x !== big)) {
    targets.push({ target: `fan-out N = ${f.n}: 0 lost, 0 duplicated`, value: `${f.lost} lost, ${f.duplicated} dup`, met: f.lost === 0 && f.duplicated === 0 });
  }
  const gw = results.gateway;
  if (gw) {
    for (const route of Object.keys(gw.gateway ?? {})) {
      const g = gw.gateway[route];
      const b = gw.bare?.[route];
      g.throughputRatioToBare = ratio(g.saturated.requestsPerSecond, b?.saturated.requestsPerSecond);
      g.throughputRatioToRawRpc = ratio(g.saturated.requestsPerSecond, gw['raw-rpc']?.[route]?.saturated.requestsPerSecond);
      if (gw['raw-rpc']?.[route]) gw['raw-rpc'][route].throughputRatioToBare = ratio(gw['raw-rpc'][route].saturated.requestsPerSecond, b?.saturated.requestsPerSecond);
      targets.push({
        target: `gateway ${route} ≥ 0.5 × bare NestJS throughput`,
        value: g.throughputRatioToBare,
        met: g.throughputRatioToBare !== null && g.throughputRatioToBare >= 0.5,
      });
    }
    const get = gw.gateway?.GET;
    if (get) {
      const p99 = get.openLoopAtRate.latency.p99;
      targets.push({ target: `GET p99 ≤ 25 ms at 50 connections, ${get.rate} req/s (open loop, from due time)`, value: p99, met: p99 !== null && p99 <= 25 });
      const ac = get.autocannonAtRate.latency.p99;
      targets.push({ target: `GET p99 ≤ 25 ms at 50 connections, ${get.rate} req/s (autocannon overallRate)`, value: ac, met: ac !== null && ac <= 25 });
    }
  }
  for (const [name, m] of Object.entries(results.memory?.overall ?? {})) {
    if (!['gateway', 'scheduling', 'submissions', 'notifications'].includes(name)) continue;
    targets.push({ target: `${name} peak RSS ≤ 150 MB`, value: m.peakRssMb, met: m.peakRssMb <= 150 });
  }
  results.targets = targets;
  return results;
}

export function render(results) {
  const out = [];
  const m = results.machine;
  out.push(`Machine: ${m.cpuModel}, ${m.nproc} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${results.versions?.postgres ?? ''}; Kafka ${results.versions?.kafka ?? ''}`);
  out.push(`Load average (1/5/15 min) at start ${results.loadAverageAtStart?.join(' ')}, at end ${results.loadAverageAtEnd?.join(' ')}: other work on the machine shares the cores`);
  if (results.startup) {
    const s = results.startup;
    out.push(
      `Start to ready: whole stack ${fmt(s.readyMs / 1000, 1)} s (services spawned together: ` +
        ['scheduling', 'submissions', 'notifications', 'gateway'].map((n) => `${n} ${fmt(s[n] / 1000, 1)} s`).join(', ') +
        `); Kafka broker ${fmt(s.kafkaMs / 1000, 1)} s`,
    );
  }
  if (results.fanout?.length) {
    out.push('', `Fan-out: call's 2xx → each invitation accepted by SMTP (MAIL_BATCH_SIZE ${results.config.mail.batchSize}, MAIL_MAX_CONNECTIONS ${results.config.mail.maxConnections}); raw = kafkajs + pg + nodemailer, same settings, same listener`);
    out.push(
      table(
        ['N', 'inv/s', 'p50 ms', 'p99 ms', 'max ms', 'first ms', 'lost', 'dup', 'raw mail/s', 'raw p50', 'raw p99', 'raw max', 'raw lost/dup', 'fan-out÷raw'],
        results.fanout.map((f) => [
          f.n,
          fmt(f.invitationsPerSecond, 1),
          fmt(f.latency.p50),
          fmt(f.latency.p99),
          fmt(f.latency.max),
          fmt(f.firstMs),
          f.lost,
          f.duplicated,
          fmt(f.raw?.mailsPerSecond, 1),
          fmt(f.raw?.latency.p50),
          fmt(f.raw?.latency.p99),
          fmt(f.raw?.latency.max),
          f.raw ? `${f.raw.lost}/${f.raw.duplicated}` : '–',
          fmt(f.ratioToRaw, 2),
        ]),
      ),
    );
    for (const f of results.fanout) {
      const cpu = Object.entries(f.cpuMsPerInvitation ?? {}).map(([n, ms]) => `${n} ${fmt(ms, 1)}`).join(', ');
      out.push(
        `  N ${f.n}: call answered in ${fmt(f.callMs)} ms; after its 2xx: relay published ${signed(f.stages?.relayPublishedMs)} ms, notifications handler began ${signed(f.stages?.handlerStartedMs)} ms, first mail ${signed(f.firstMs)} ms` +
          `; CPU ms per invitation: ${cpu}; raw worker ${fmt(f.raw?.cpuMsPerMail, 1)} ms per mail`,
      );
    }
  } else if (results.raw?.length) {
    out.push('', 'Raw limit (kafkajs + pg + nodemailer)');
    out.push(table(['N', 'mail/s', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'dup'], results.raw.map((r) => [r.n, fmt(r.mailsPerSecond, 1), fmt(r.latency.p50), fmt(r.latency.p99), fmt(r.latency.max), r.lost, r.duplicated])));
  }
  const gw = results.gateway;
  if (gw) {
    out.push('', `Gateway vs raw request/reply (node:http + kafkajs + pg) vs bare NestJS, ${gw.connections} connections: closed loop ${gw.saturateS} s (req/s); fixed rate ${gw.rateS} s (autocannon overallRate, and open loop timed from each request's due time)`);
    const rows = [];
    for (const route of Object.keys(gw.gateway ?? {})) {
      for (const target of ['gateway', 'raw-rpc', 'bare']) {
        const r = gw[target]?.[route];
        if (!r) continue;
        const a = r.autocannonAtRate;
        const o = r.openLoopAtRate;
        rows.push([
          route,
          target,
          fmt(r.saturated.requestsPerSecond),
          `${fmt(r.saturated.latency.p50)}/${fmt(r.saturated.latency.p99)}/${fmt(r.saturated.latency.max)}`,
          r.rate,
          `${fmt(a.latency.p50)}/${fmt(a.latency.p99)}/${fmt(a.latency.max)}`,
          `${fmt(o.latency.p50, 1)}/${fmt(o.latency.p99, 1)}/${fmt(o.latency.max, 1)}`,
          fmt(o.achievedRate),
          a.non2xx + a.errors + r.saturated.non2xx + r.saturated.errors + o.errors + (o.sent - o.ok),
          target === 'bare' ? '' : fmt(r.throughputRatioToBare, 2),
          target === 'gateway' ? fmt(r.throughputRatioToRawRpc, 2) : '',
        ]);
      }
    }
    out.push(
      table(['route', 'target', 'req/s', 'closed p50/p99/max', 'rate', 'autocannon@rate p50/p99/max', 'open-loop@rate p50/p99/max', 'achieved', 'errors', '÷bare', 'gw÷raw-rpc'], rows),
    );
    for (const route of Object.keys(gw.gateway ?? {})) {
      for (const target of ['gateway', 'raw-rpc', 'bare']) {
        const cpu = gw[target]?.[route]?.cpuMsPerRequest;
        if (cpu) out.push(`  ${route} ${target}: CPU ms per request: ${Object.entries(cpu).map(([n, ms]) => `${n} ${fmt(ms, 2)}`).join(', ')}`);
      }
    }
  }
  const memory = results.memory;
  if (memory) {
    const names = Object.keys(memory.overall);
    const phases = Object.keys(memory.phases);
    out.push('', 'Peak RSS in MB per phase (CPU seconds used in the phase in brackets); last column: VmHWM, the kernel\'s peak');
    out.push(
      table(
        ['process', ...phases, 'VmHWM'],
        names.map((n) => [
          n,
          ...phases.map((p) => {
            const s = memory.phases[p][n];
            return s ? `${fmt(s.peakRssMb)} (${fmt(s.cpuSeconds, 1)})` : '–';
          }),
          fmt(memory.overall[n].hwmMb),
        ]),
      ),
    );
  }
  const heap = memory?.heapAtPhaseEnd;
  if (heap && Object.keys(heap).length) {
    const phases = Object.keys(heap);
    const services = [...new Set(phases.flatMap((p) => Object.keys(heap[p])))];
    out.push('', 'V8 at the end of each phase, MB: heap used / heap reserved / outside the heap (buffers, native)');
    out.push(
      table(
        ['service', ...phases],
        services.map((n) => [n, ...phases.map((p) => (heap[p][n] ? `${fmt(heap[p][n].heapUsedMb)}/${fmt(heap[p][n].heapTotalMb)}/${fmt(heap[p][n].externalMb)}` : '–'))]),
      ),
    );
  }
  if (results.idleCpuPercent) {
    out.push('', `Idle CPU (% of one core, ${results.config.idleS} s with no requests): ${Object.entries(results.idleCpuPercent).map(([n, p]) => `${n} ${p}%`).join(', ')}`);
  }
  if (results.targets?.length) {
    out.push('', 'Targets (issue 8; reported, not asserted)');
    for (const t of results.targets) out.push(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.value}`);
  }
  return out.join('\n');
}
