// The audit trail with a million rows (issue: "stays fast with a million rows"): seeds a year of audit_event rows in
// the four services' schemas (lib/audit-seed.mjs), then times GET /api/v1/audit-events through the gateway, which
// merges the four stores' slices, per filter, and the CSV export of about 100k rows (rows/s and the gateway's peak
// RSS, which stays flat when the export streams). The raw limit beside each is PostgreSQL answering the SQL of
// AuditEvents.slice (the rows, then the count) on one connection against the biggest store, scheduling, and against
// all four stores at once; for the export, PostgreSQL writing the same rows, merged, as CSV (COPY, through psql).
import { spawn } from 'node:child_process';
import pg from 'pg';
import { seedAuditYear, seededActor, seededEntityId } from './lib/audit-seed.mjs';
import { now } from './lib/util.mjs';

const STORES = ['scheduling', 'submissions', 'notifications', 'gateway'];
const DAY_MS = 86_400_000;
const PAGE_SIZE = 100;

export function auditScale(env = process.env) {
  const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
  return {
    rows: num('BENCH_AUDIT_ROWS', 1_000_000),
    repeats: num('BENCH_AUDIT_REPEATS', 20),
    csvRepeats: num('BENCH_AUDIT_CSV_REPEATS', 3),
  };
}

/** `2026-06-01T00:00:00+07:00`: the instant in the province's offset, as a clerk would type it. */
const local = (ms) => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

export async function seedAudit(stack, scale, log) {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    const roleOf = (schema) => `${stack.options.database}_${schema}`;
    return await seedAuditYear(client, { rows: scale.rows, now: new Date(), roleOf, log });
  } finally {
    await client.end();
  }
}

/** The filters measured, each on pages of 100; `page` 50 is 5,000 rows deep, half the merge's window. */
function cases(seeded) {
  const to = Date.parse(seeded.to);
  // From a midnight in the province, 26 weeks back.
  const week = Math.floor((to - 26 * 7 * DAY_MS + 7 * 3_600_000) / DAY_MS) * DAY_MS - 7 * 3_600_000;
  return [
    { name: 'newest page', query: {} },
    { name: 'one entity', query: { entityType: 'conference', entityId: seededEntityId('conference', 20) } },
    { name: 'one actor', query: { actorSubject: seededActor(10) } },
    { name: 'one action', query: { action: 'conference.called' } },
    { name: 'busiest action', query: { action: 'invitee.created' } },
    { name: 'one week', query: { from: local(week), to: local(week + 7 * DAY_MS) } },
    { name: 'page 50', query: {}, page: 50 },
  ];
}

/** The WHERE clause of AuditEvents.slice (libs/messaging/src/audit/audit-events.ts) and its parameters. */
function whereOf(query) {
  const columns = {
    entityType: 'entity_type = ?',
    entityId: 'entity_id = ?',
    actorSubject: 'actor_subject = ?',
    action: 'action = ?',
    from: 'occurred_at >= ?::timestamptz',
    to: 'occurred_at <= ?::timestamptz',
  };
  const params = [];
  const clauses = Object.entries(columns)
    .filter(([name]) => query[name] !== undefined)
    .map(([name, sql]) => {
      params.push(query[name]);
      return sql.replace('?', `$${params.length}`);
    });
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One store's slice as the service reads it for the first page: its newest `limit` rows, then the count. */
async function rawSlice(client, schema, query, limit) {
  const { where, params } = whereOf(query);
  const rows = await client.query(
    `SELECT id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
            actor_role, actor_subject, actor_agency_id, action, entity_type, entity_id, correlation_id, changes
       FROM ${schema}.audit_event ${where}
      ORDER BY occurred_at DESC, id DESC
      LIMIT $${params.length + 1}`,
    [...params, limit],
  );
  const [{ total }] = (await client.query(`SELECT count(*) AS total FROM ${schema}.audit_event ${where}`, params)).rows;
  return { rows: rows.rows.length, total: Number(total) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x) => Math.round(x * 10) / 10;
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

/** Two untimed runs (plans and pools warm), then `repeats` timed ones; the last answer is kept. */
async function timed(repeats, once) {
  for (let i = 0; i < 2; i += 1) await once();
  const ms = [];
  let answer;
  for (let i = 0; i < repeats; i += 1) {
    const started = now();
    answer = await once();
    ms.push(now() - started);
  }
  return { medianMs: round1(median(ms)), maxMs: round1(Math.max(...ms)), ...answer };
}

async function apiPage(stack, query, page) {
  const params = new URLSearchParams({ ...query, page: String(page), pageSize: String(PAGE_SIZE) });
  const response = await fetch(`${stack.baseUrl}/audit-events?${params}`, { headers: { 'X-API-Key': stack.adminKey } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /audit-events?${params}: ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  return { items: body.items.length, total: body.total, bytes: text.length };
}

/** The CSV export read as it arrives: rows (lines but the header), bytes, time to the first byte and to the end. */
async function apiCsv(stack, query) {
  const started = now();
  const response = await fetch(`${stack.baseUrl}/audit-events?${new URLSearchParams(query)}`, {
    headers: { 'X-API-Key': stack.adminKey, Accept: 'text/csv' },
  });
  if (response.status !== 200)
    throw new Error(`CSV export: ${response.status} ${(await response.text()).slice(0, 300)}`);
  let firstByteMs = null;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    firstByteMs ??= now() - started;
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { ms: now() - started, firstByteMs, bytes, rows: lines - 1 };
}

/** PostgreSQL alone writing the same rows, merged newest first, as CSV to psql's stdout. */
function rawCsv(databaseUrl, query) {
  const { where, params } = whereOf(query);
  const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;
  const inlined = where.replace(/\$(\d+)/g, (_, i) => literal(params[Number(i) - 1]));
  const union = STORES.map(
    (s) => `SELECT id, occurred_at, actor_role, actor_subject, actor_agency_id, action, entity_type, entity_id,
                   correlation_id, changes, '${s}' AS service FROM ${s}.audit_event ${inlined}`,
  ).join(' UNION ALL ');
  const sql = `COPY (${union} ORDER BY occurred_at DESC, id DESC) TO STDOUT WITH (FORMAT csv, HEADER)`;
  return new Promise((resolve, reject) => {
    const started = now();
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql, databaseUrl], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let bytes = 0;
    let lines = 0;
    let error = '';
    psql.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    });
    psql.stderr.on('data', (chunk) => (error += chunk));
    psql.on('error', reject);
    psql.on('close', (code) =>
      code === 0 ? resolve({ ms: now() - started, bytes, rows: lines - 1 }) : reject(new Error(`psql: ${error}`)),
    );
  });
}

/** An export run `repeats` times: the median run's figures, and the slowest time. */
async function repeated(repeats, once) {
  const runs = [];
  for (let i = 0; i < repeats; i += 1) runs.push(await once());
  const mid = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
  return {
    rows: mid.rows,
    bytes: mid.bytes,
    medianMs: Math.round(mid.ms),
    maxMs: Math.round(Math.max(...runs.map((r) => r.ms))),
    ...(mid.firstByteMs === undefined ? {} : { firstByteMs: Math.round(mid.firstByteMs) }),
    rowsPerSecond: Math.round((mid.rows / mid.ms) * 1000),
  };
}

/**
 * Times every case raw and through the API (an error of the API is kept in its case, so that a run still shows
 * the rest), then the CSV export. `phase(name)` starts a phase of the run's process sampler: the pages in
 * `audit pages`, the export in `audit csv`, its raw limit in `audit csv raw`.
 */
export async function measureAudit(stack, scale, seeded, phase) {
  const clients = await Promise.all(
    STORES.map(async () => {
      const client = new pg.Client({ connectionString: stack.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    await phase('audit pages');
    const measured = [];
    for (const c of cases(seeded)) {
      const page = c.page ?? 1;
      const limit = page * PAGE_SIZE;
      const raw = await timed(scale.repeats, () => rawSlice(clients[0], 'scheduling', c.query, limit));
      const raw4 = await timed(scale.repeats, async () => {
        const slices = await Promise.all(STORES.map((s, i) => rawSlice(clients[i], s, c.query, limit)));
        return { total: slices.reduce((n, s) => n + s.total, 0) };
      });
      const api = await timed(scale.repeats, () => apiPage(stack, c.query, page)).catch((error) => ({
        error: error.message,
      }));
      measured.push({
        name: c.name,
        query: c.query,
        page,
        matched: raw4.total,
        matchedScheduling: raw.total,
        api,
        raw,
        raw4,
        ratioToRaw: ratio(api.medianMs, raw.medianMs),
        ratioToRaw4: ratio(api.medianMs, raw4.medianMs),
        totalMatches: api.total === raw4.total,
      });
    }

    // About 100k rows: the 36.5 days (a tenth of the seeded year) up to a midnight in the province a month back.
    const end = Math.floor((Date.parse(seeded.to) - 30 * DAY_MS + 7 * 3_600_000) / DAY_MS) * DAY_MS - 7 * 3_600_000;
    const csvQuery = { from: local(end - 36.5 * DAY_MS), to: local(end) };
    await phase('audit csv');
    const csv = await repeated(scale.csvRepeats, () => apiCsv(stack, csvQuery)).catch((error) => ({
      error: error.message,
    }));
    await phase('audit csv raw');
    const raw = await repeated(scale.csvRepeats, () => rawCsv(stack.databaseUrl, csvQuery));
    return {
      pageSize: PAGE_SIZE,
      repeats: scale.repeats,
      cases: measured,
      csv: {
        query: csvQuery,
        repeats: scale.csvRepeats,
        ...csv,
        raw,
        ratioToRaw: ratio(csv.rowsPerSecond, raw.rowsPerSecond),
      },
    };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
