// The table printed at the end of a run, and the targets of issues 8 and 12 (reported, not asserted).
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

const fmt = (x, digits = 0) =>
  x === null || x === undefined ? '–' : typeof x === 'number' ? x.toFixed(digits) : String(x);
const signed = (x) => (x === null || x === undefined ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

/** Issue 12's targets for the gateway (at 50 connections), printed beside its figures. */
const GATEWAY_GOALS = { getOfBare: 0.3, getOfRawHttp: 0.35, postOfBare: 0.2, getP99Ms: 25 };
/** Issue 8's memory target for every service; issue 12 repeats it for the gateway and scheduling. */
const PEAK_RSS_MB = 150;

/** Numbers are right-aligned; the first `leftAligned` columns (labels) are left-aligned. */
function table(headers, rows, leftAligned = 0) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i < leftAligned ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Computes the ratios and target checks from the raw results; returns them for the JSON too. */
export function evaluate(results) {
  const targets = [];
  const fanout = results.fanout ?? [];
  for (const f of fanout) {
    f.ratioToRaw = ratio(f.invitationsPerSecond, f.raw?.mailsPerSecond);
  }
  const big = fanout.find((f) => f.requestedN === 1000) ?? fanout[fanout.length - 1];
  if (big) {
    targets.push({
      target: `fan-out ≥ 0.5 × raw at N = ${big.n} (issue 8)`,
      value: big.ratioToRaw,
      met: big.ratioToRaw !== null && big.ratioToRaw >= 0.5,
    });
    targets.push({
      target: `fan-out N = ${big.n}: 0 lost, 0 duplicated (issue 8)`,
      value: `${big.lost} lost, ${big.duplicated} dup`,
      met: big.lost === 0 && big.duplicated === 0,
    });
  }
  if (big) {
    targets.push({
      target: `first invitation ≤ 1 s after the call's 2xx at N = ${big.n} (issue 18)`,
      value: big.firstMs === null ? null : `${big.firstMs} ms`,
      met: big.firstMs !== null && big.firstMs <= 1000,
    });
    const rawP99 = big.raw?.latency?.p99;
    targets.push({
      target: `p99 per invitee ≤ 1.5 × the raw pipeline's p99 at N = ${big.n} (issue 18)`,
      value: rawP99 ? `${big.latency.p99} ms vs ${rawP99} ms (${ratio(big.latency.p99, rawP99)}×)` : null,
      met: Boolean(rawP99) && big.latency.p99 <= 1.5 * rawP99,
    });
  }
  const national = fanout.find((f) => f.requestedN >= 10_000);
  if (national && big && national !== big) {
    const peak = (f) => results.memory?.phases?.[`fan-out ${f.requestedN}`]?.notifications?.peakRssMb;
    const [bigPeak, nationalPeak] = [peak(big), peak(national)];
    targets.push({
      target: `fan-out N = ${national.n} completes: 0 lost, 0 duplicated (issue 18)`,
      value: `${national.lost} lost, ${national.duplicated} dup`,
      met: national.lost === 0 && national.duplicated === 0 && !national.timedOut,
    });
    targets.push({
      target: `notifications peak RSS at N = ${national.n} within 10% of N = ${big.n} (issue 18)`,
      value: bigPeak && nationalPeak ? `${nationalPeak} vs ${bigPeak} MB` : null,
      met: Boolean(bigPeak && nationalPeak) && nationalPeak <= bigPeak * 1.1,
    });
  }
  for (const [name, percent] of Object.entries(results.idleCpuPercent ?? {})) {
    targets.push({ target: `${name} idle CPU ≤ 1% of a core (issue 18)`, value: `${percent}%`, met: percent <= 1 });
  }
  for (const f of fanout.filter((x) => x !== big)) {
    targets.push({
      target: `fan-out N = ${f.n}: 0 lost, 0 duplicated (issue 8)`,
      value: `${f.lost} lost, ${f.duplicated} dup`,
      met: f.lost === 0 && f.duplicated === 0,
    });
  }
  const gw = results.gateway;
  if (gw) {
    const rps = (target, route) => gw[target]?.[route]?.saturated.requestsPerSecond;
    for (const route of Object.keys(gw.gateway ?? {})) {
      gw.gateway[route].throughputRatioToBare = ratio(rps('gateway', route), rps('bare', route));
      gw.gateway[route].throughputRatioToRawHttp = ratio(rps('gateway', route), rps('raw-http', route));
      if (gw['raw-http']?.[route])
        gw['raw-http'][route].throughputRatioToBare = ratio(rps('raw-http', route), rps('bare', route));
    }
    const atLeast = (value, goal) => ({ value, met: value !== null && value !== undefined && value >= goal });
    const { GET: get, POST: post } = gw.gateway ?? {};
    const checks = {};
    if (get) {
      checks.getOfBare = atLeast(get.throughputRatioToBare, GATEWAY_GOALS.getOfBare);
      checks.getOfRawHttp = atLeast(get.throughputRatioToRawHttp, GATEWAY_GOALS.getOfRawHttp);
      const o = get.openLoopAtRate;
      // Failed requests have no latency: a run with failures does not meet the target, however fast the rest.
      const failed = o.sent - o.ok;
      checks.getP99 = {
        value: `${o.latency.p99} ms${failed ? `, ${failed} failed` : ''}`,
        met: o.latency.p99 !== null && o.latency.p99 <= GATEWAY_GOALS.getP99Ms && failed === 0,
      };
      targets.push(
        { target: `gateway GET ≥ ${GATEWAY_GOALS.getOfBare} × bare NestJS throughput (issue 12)`, ...checks.getOfBare },
        {
          target: `gateway GET ≥ ${GATEWAY_GOALS.getOfRawHttp} × raw HTTP hop throughput (issue 12)`,
          ...checks.getOfRawHttp,
        },
        {
          target: `GET p99 ≤ ${GATEWAY_GOALS.getP99Ms} ms at ${get.rate} req/s, ${gw.connections} connections (open loop, from due time; issue 12)`,
          ...checks.getP99,
        },
      );
    }
    if (post) {
      checks.postOfBare = atLeast(post.throughputRatioToBare, GATEWAY_GOALS.postOfBare);
      targets.push({
        target: `gateway POST ≥ ${GATEWAY_GOALS.postOfBare} × bare NestJS throughput (issue 12)`,
        ...checks.postOfBare,
      });
    }
    gw.checks = checks;
  }
  for (const [name, m] of Object.entries(results.memory?.overall ?? {})) {
    if (!['gateway', 'scheduling', 'submissions', 'notifications'].includes(name)) continue;
    const issues = ['gateway', 'scheduling'].includes(name) ? 'issues 8, 12' : 'issue 8';
    targets.push({
      target: `${name} peak RSS ≤ ${PEAK_RSS_MB} MB (${issues})`,
      value: m.peakRssMb,
      met: m.peakRssMb <= PEAK_RSS_MB,
    });
  }
  const report = results.report;
  if (report) {
    report.ratioToRaw = {
      json: ratio(report.json.medianMs, report.raw.medianMs),
      pdf: ratio(report.pdf.medianMs, report.raw.medianMs),
    };
    targets.push({
      target: 'activity report over a year as JSON ≤ 2 s (issue 15)',
      value: `${report.json.maxMs} ms`,
      met: report.json.maxMs <= 2000,
    });
    targets.push({
      target: 'activity report over a year as PDF ≤ 5 s (issue 15)',
      value: `${report.pdf.maxMs} ms`,
      met: report.pdf.maxMs <= 5000,
    });
  }
  results.targets = targets;
  return results;
}

export function render(results) {
  const out = [];
  const m = results.machine;
  out.push(
    `Machine: ${m.cpuModel}, ${m.nproc} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${results.versions?.postgres ?? ''}; Kafka ${results.versions?.kafka ?? ''}`,
  );
  out.push(
    `Load average (1/5/15 min) at start ${results.loadAverageAtStart?.join(' ')}, at end ${results.loadAverageAtEnd?.join(' ')}: other work on the machine shares the cores`,
  );
  if (results.startup) {
    const s = results.startup;
    out.push(
      `Start to ready: whole stack ${fmt(s.readyMs / 1000, 1)} s (services spawned together: ` +
        ['scheduling', 'submissions', 'notifications', 'gateway']
          .map((n) => `${n} ${fmt(s[n] / 1000, 1)} s`)
          .join(', ') +
        `); Kafka broker ${fmt(s.kafkaMs / 1000, 1)} s`,
    );
  }
  if (results.fanout?.length) {
    out.push(
      '',
      `Fan-out: call's 2xx → each invitation accepted by SMTP (MAIL_BATCH_SIZE ${results.config.mail.batchSize}, MAIL_MAX_CONNECTIONS ${results.config.mail.maxConnections}); raw = kafkajs + pg + nodemailer at the settings where it stopped getting faster, same listener, same mail size`,
    );
    out.push(
      table(
        [
          'N',
          'inv/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'first ms',
          'lost',
          'dup',
          'raw mail/s',
          'raw p50',
          'raw p99',
          'raw max',
          'raw lost/dup',
          'fan-out÷raw',
        ],
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
      const cpu = Object.entries(f.cpuMsPerInvitation ?? {})
        .map(([n, ms]) => `${n} ${fmt(ms, 1)}`)
        .join(', ');
      out.push(
        `  N ${f.n}: call answered in ${fmt(f.callMs)} ms; after its 2xx: relay published ${signed(f.stages?.relayPublishedMs)} ms, notifications handler began ${signed(f.stages?.handlerStartedMs)} ms, first lease ${signed(f.stages?.firstLeasedMs)} ms, first mail ${signed(f.firstMs)} ms` +
          `; CPU ms per invitation: ${cpu}; raw worker ${fmt(f.raw?.cpuMsPerMail, 1)} ms per mail`,
      );
      if (f.raw?.settings) out.push(`    ${rawTuning(f.raw)}`);
    }
  } else if (results.raw?.length) {
    out.push('', 'Raw limit (kafkajs + pg + nodemailer)');
    out.push(
      table(
        ['N', 'mail/s', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'dup'],
        results.raw.map((r) => [
          r.n,
          fmt(r.mailsPerSecond, 1),
          fmt(r.latency.p50),
          fmt(r.latency.p99),
          fmt(r.latency.max),
          r.lost,
          r.duplicated,
        ]),
      ),
    );
    for (const r of results.raw.filter((x) => x.settings)) out.push(`  N ${r.n}: ${rawTuning(r)}`);
  }
  const gw = results.gateway;
  if (gw) out.push('', ...renderGateway(gw, results.memory));
  const memory = results.memory;
  if (memory) {
    const names = Object.keys(memory.overall);
    const phases = Object.keys(memory.phases);
    out.push(
      '',
      "Peak RSS in MB per phase (CPU seconds used in the phase in brackets); last column: VmHWM, the kernel's peak",
    );
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
        services.map((n) => [
          n,
          ...phases.map((p) =>
            heap[p][n]
              ? `${fmt(heap[p][n].heapUsedMb)}/${fmt(heap[p][n].heapTotalMb)}/${fmt(heap[p][n].externalMb)}`
              : '–',
          ),
        ]),
      ),
    );
  }
  const gcShare = gcShares(memory);
  if (gcShare) {
    out.push('', "GC share of each service's CPU per phase (main thread's collections ÷ the process's CPU seconds)");
    out.push(table(['service', ...gcShare.phases], gcShare.rows));
  }
  if (results.idleCpuPercent) {
    out.push(
      '',
      `Idle CPU (% of one core, ${results.config.idleS} s with no requests): ${Object.entries(results.idleCpuPercent)
        .map(([n, p]) => `${n} ${p}%`)
        .join(', ')}`,
    );
  }
  if (results.webhooks) {
    const w = results.webhooks;
    out.push(
      '',
      `Webhooks: ${w.n} incident events published at once (${w.publishedMs} ms), each POSTed signed to one subscriber on 127.0.0.1; raw = the same receiver POSTed to from the bench with ${results.config.webhooks.perSubscription} in flight`,
    );
    out.push(
      table(
        ['', 'deliveries/s', 'lost', 'duplicated', 'first after publish ms', '× raw'],
        [
          [
            'service',
            fmt(w.deliveriesPerSecond),
            fmt(w.lost),
            fmt(w.duplicated),
            fmt(w.firstAfterPublishMs),
            fmt(w.ratioToRaw, 2),
          ],
          ['raw', fmt(w.raw.deliveriesPerSecond), '–', '–', '–', '1'],
        ],
      ),
    );
  }
  if (results.report) {
    const r = results.report;
    const rows = Object.entries(r.seeded)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    out.push(
      '',
      `Activity report over a year (projection rows: ${rows}); raw = PostgreSQL reading the year's rows, no figures, no HTTP`,
    );
    out.push(
      table(
        ['answer', 'median ms', 'max ms', 'bytes', '× raw'],
        [
          ['JSON', fmt(r.json.medianMs), fmt(r.json.maxMs), fmt(r.json.size), fmt(r.ratioToRaw.json, 1)],
          ['CSV', fmt(r.csv.medianMs), fmt(r.csv.maxMs), fmt(r.csv.size), '–'],
          ['PDF', fmt(r.pdf.medianMs), fmt(r.pdf.maxMs), fmt(r.pdf.size), fmt(r.ratioToRaw.pdf, 1)],
          [`raw (${r.raw.size} rows)`, fmt(r.raw.medianMs), fmt(r.raw.maxMs), '–', '1'],
        ],
      ),
    );
  }
  if (results.audit) out.push('', ...renderAudit(results.audit, results.memory?.phases));
  if (results.targets?.length) {
    out.push('', 'Targets (issues 8, 12, 15 and 18; reported, not asserted)');
    for (const t of results.targets) out.push(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.value}`);
  }
  return out.join('\n');
}

/** The audit trail: each filter's page through the API beside AuditEvents' SQL, then the CSV export. */
function renderAudit(a, phases) {
  const stores = Object.entries(a.seeded.rows)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  const rss = (phase) =>
    ['gateway', 'scheduling', 'submissions'].map((p) => `${p} ${fmt(phases?.[phase]?.[p]?.peakRssMb)}`).join(', ');
  const query = (c) =>
    Object.entries(c.query)
      .map(([k, v]) => `${k}=${v.length > 24 ? `${v.slice(0, 20)}…` : v}`)
      .concat(c.page > 1 ? [`page=${c.page}`] : [])
      .join(' ');
  const csv = a.csv;
  return [
    `Audit trail: ${a.seeded.total} rows over a year (${stores}; ${a.seeded.actions} actions, ${a.seeded.actors} actors), ` +
      `seeded in ${a.seeded.seedS} s. Pages of ${a.pageSize}, median and max of ${a.repeats}. raw = AuditEvents' SQL ` +
      '(rows, then count) on one connection: scheduling alone, and the four stores at once',
    table(
      ['page', 'filter', 'matched', 'API ms', 'API max', 'raw ms', 'raw max', '× raw', 'raw 4 ms', '× raw 4'],
      a.cases.map((c) => [
        c.name,
        query(c) || '–',
        `${c.matched}${c.api.total === undefined || c.totalMatches ? '' : ` (API ${c.api.total})`}`,
        c.api.error ? 'error' : fmt(c.api.medianMs, 1),
        fmt(c.api.maxMs, 1),
        fmt(c.raw.medianMs, 1),
        fmt(c.raw.maxMs, 1),
        fmt(c.ratioToRaw, 1),
        fmt(c.raw4.medianMs, 1),
        fmt(c.ratioToRaw4, 1),
      ]),
      2,
    ),
    ...a.cases.filter((c) => c.api.error).map((c) => `  ${c.name}: ${c.api.error}`),
    '',
    `CSV export of ${csv.query.from} … ${csv.query.to} (median of ${csv.repeats}); raw = COPY … TO STDOUT of the four stores merged, through psql`,
    table(
      ['', 'rows', 'MB', 'ms', 'max ms', 'first byte ms', 'rows/s', '× raw'],
      [
        csv.error
          ? ['API', 'error', '', '', '', '', '', '']
          : [
              'API',
              fmt(csv.rows),
              fmt(csv.bytes / 2 ** 20, 1),
              fmt(csv.medianMs),
              fmt(csv.maxMs),
              fmt(csv.firstByteMs),
              fmt(csv.rowsPerSecond),
              fmt(csv.ratioToRaw, 2),
            ],
        [
          'raw',
          fmt(csv.raw.rows),
          fmt(csv.raw.bytes / 2 ** 20, 1),
          fmt(csv.raw.medianMs),
          fmt(csv.raw.maxMs),
          '–',
          fmt(csv.raw.rowsPerSecond),
          '1',
        ],
      ],
      1,
    ),
    ...(csv.error ? [`  CSV: ${csv.error}`] : []),
    `Peak RSS MB while paging: ${rss('audit pages')}; during the export: ${rss('audit csv')}`,
  ];
}

const mark = (...checks) =>
  checks
    .filter(Boolean)
    .map((c) => (c.met ? 'met' : 'MISSED'))
    .join(', ');

/** Processes as the gateway table names them: the raw hop's two by their role alone. */
const short = (name) => name.replace(/^raw-http /, '');

/**
 * The gateway section: first issue 12's comparison (ours, the raw HTTP hop and bare NestJS side by side, with the
 * targets), then every figure of every target and route.
 */
function renderGateway(gw, memory) {
  const out = [];
  const targets = ['gateway', 'raw-http', 'bare'];
  const c = gw.checks ?? {};
  const per = (route, figure) => targets.map((t) => (gw[t]?.[route] ? figure(gw[t][route]) : '–'));
  const p99 = (r) => {
    const failed = r.openLoopAtRate.sent - r.openLoopAtRate.ok;
    return `${fmt(r.openLoopAtRate.latency.p99, 1)}${failed ? ` (${failed} failed)` : ''}`;
  };
  const cpu = (r) =>
    Object.entries(r.cpuMsPerRequest ?? {})
      .map(([n, ms]) => `${short(n)} ${fmt(ms, 2)}`)
      .join(', ') || '–';
  const rss = (names) =>
    names
      .filter((n) => memory?.overall?.[n])
      .map((n) => `${short(n)} ${fmt(memory.overall[n].peakRssMb)}`)
      .join(', ') || '–';
  const rssChecks = ['gateway', 'scheduling']
    .filter((n) => memory?.overall?.[n])
    .map((n) => ({ met: memory.overall[n].peakRssMb <= PEAK_RSS_MB }));
  const { GET: get, POST: post } = gw.gateway ?? {};
  const throughput = (r) => fmt(r.saturated.requestsPerSecond);
  const ratios = (r) => [fmt(r.throughputRatioToBare, 2), fmt(r.throughputRatioToRawHttp, 2)];
  const rows = [];
  if (get) {
    const goal = `≥ ${GATEWAY_GOALS.getOfBare} of bare, ≥ ${GATEWAY_GOALS.getOfRawHttp} of raw HTTP`;
    rows.push([
      'GET /conferences/{id}, req/s (closed loop)',
      ...per('GET', throughput),
      ...ratios(get),
      goal,
      mark(c.getOfBare, c.getOfRawHttp),
    ]);
    rows.push([
      `GET p99 ms at ${get.rate} req/s (open loop)`,
      ...per('GET', p99),
      '',
      '',
      `≤ ${GATEWAY_GOALS.getP99Ms} ms`,
      mark(c.getP99),
    ]);
  }
  if (post) {
    rows.push([
      'POST /conferences, req/s (closed loop)',
      ...per('POST', throughput),
      ...ratios(post),
      `≥ ${GATEWAY_GOALS.postOfBare} of bare`,
      mark(c.postOfBare),
    ]);
    rows.push([`POST p99 ms at ${post.rate} req/s (open loop)`, ...per('POST', p99), '', '', '', '']);
  }
  const rssRow = [rss(['gateway', 'scheduling']), rss(['raw-http front', 'raw-http back']), rss(['bare-nest'])];
  rows.push(['peak RSS MB (whole run)', ...rssRow, '', '', `≤ ${PEAK_RSS_MB} each`, mark(...rssChecks)]);
  for (const route of Object.keys(gw.gateway ?? {}))
    rows.push([`CPU ms per request, ${route}`, ...per(route, cpu), '', '', '', '']);
  out.push(
    `Gateway (issue 12), ${gw.connections} connections; open loop = timed from each request's due time. ours = the real gateway and ` +
      'scheduling; raw HTTP hop = node:http → undici Pool → node:http + pg, one SQL statement; bare = a NestJS route answering the same JSON',
    table(['', 'ours', 'raw HTTP hop', 'bare NestJS', 'ours÷bare', 'ours÷raw HTTP', 'target', ''], rows, 1),
  );

  out.push(
    '',
    `All figures: closed loop ${gw.saturateS} s (req/s, latency p50/p99/max ms); fixed rate ${gw.rateS} s (autocannon overallRate, ` +
      "and open loop timed from each request's due time)",
  );
  const detail = [];
  for (const route of Object.keys(gw.gateway ?? {})) {
    for (const target of targets) {
      const r = gw[target]?.[route];
      if (!r) continue;
      const a = r.autocannonAtRate;
      const o = r.openLoopAtRate;
      detail.push([
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
        target === 'gateway' ? fmt(r.throughputRatioToRawHttp, 2) : '',
      ]);
    }
  }
  out.push(
    table(
      [
        'route',
        'target',
        'req/s',
        'closed p50/p99/max',
        'rate',
        'autocannon@rate p50/p99/max',
        'open-loop@rate p50/p99/max',
        'achieved',
        'errors',
        '÷bare',
        'gw÷raw-http',
      ],
      detail,
    ),
  );
  return out;
}

/**
 * Per phase, the GC seconds a service's main thread spent (the difference of prom-client's GC histogram sums at the
 * phase's end and the previous one's) over the CPU seconds the process used in it: what a heap limit trades.
 */
function gcShares(memory) {
  const heap = memory?.heapAtPhaseEnd;
  if (!heap || !memory.phases) return null;
  const phases = Object.keys(heap).filter((p) => memory.phases[p]);
  if (phases.length < 2) return null;
  const services = [...new Set(phases.flatMap((p) => Object.keys(heap[p])))];
  const shown = phases.slice(1);
  const rows = services.map((n) => [
    n,
    ...shown.map((p, i) => {
      const before = heap[phases[i]]?.[n]?.gcSeconds;
      const after = heap[p]?.[n]?.gcSeconds;
      const cpu = memory.phases[p]?.[n]?.cpuSeconds;
      if (before == null || after == null || !cpu) return '–';
      return `${Math.round(((after - before) / cpu) * 1000) / 10}%`;
    }),
  ]);
  return { phases: shown, rows };
}

/** "raw tuned to batch 80, 10 connections (20/5 → 96, 40/5 → 180, …): 410 mails/s; at the services' settings 96". */
function rawTuning(raw) {
  const trials = raw.trials.map((t) => `${t.batchSize}/${t.maxConnections} → ${fmt(t.mailsPerSecond)}`).join(', ');
  return (
    `raw tuned to batch ${raw.settings.batchSize}, ${raw.settings.maxConnections} connections (batch/connections → mails/s: ${trials}): ` +
    `${fmt(raw.mailsPerSecond, 1)} mails/s; at the services' settings ${fmt(raw.atServiceSettings?.mailsPerSecond, 1)}`
  );
}
