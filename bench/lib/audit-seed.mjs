// A year of audit trail for the audit bench (bench/audit.mjs): rows spread over the four services' audit_event
// tables as their triggers would write them, inserted set-based (INSERT … SELECT generate_series) by the server's
// admin user into month partitions made as the migration and the retention job make them.
import { createHash } from 'node:crypto';

const DAY_MS = 86_400_000;

/**
 * Per store: its share of the rows, and per entity type (with how many entities of it there are) the actions the
 * triggers record and their weights. 19 entity types, 54 actions.
 */
const STORES = {
  scheduling: [
    0.45,
    {
      'conference 600': 'created 3, updated 6, called 3, rescheduled 1, completed 2, cancelled 0.5',
      'invitee 5000': 'created 40, updated 10, deleted 3',
      'agency 300': 'created 1, updated 3, deleted 0.2',
      'incident 200': 'created 1, updated 1, convened 1, breached 0.2',
      'series 40': 'created 0.2, updated 0.5',
    },
  ],
  submissions: [
    0.4,
    {
      'brief-request 3000': 'created 10, submitted 8, accepted 6, returned 2, overdue 1, closed 4',
      'brief 2500': 'created 6, updated 10',
      'brief-version 2500': 'created 12',
      'attachment 1500': 'created 5, deleted 1',
      'brief-review 1500': 'created 5',
      'briefing-pack 500': 'created 1, updated 1',
      'orientation-document 100': 'created 0.3, deleted 0.1',
      'obstacle-report 400': 'created 1, forwarded 0.7, resolved 0.6',
      'information-offer 400': 'created 1, included 0.5, called-extraordinary 0.2, declined 0.3',
      'information-offer-attachment 200': 'created 0.5',
    },
  ],
  notifications: [
    0.12,
    {
      'invitation 5000': 'created 20, answered 8, updated 4',
      'delivery 5000': 'created 20, sent 18, failed 1',
      'webhook-subscription 30': 'created 0.2, updated 0.2, deleted 0.1',
    },
  ],
  gateway: [0.03, { 'api-key 300': 'created 1, updated 0.5, deleted 0.3' }],
};

/** What a service does on its own is written under its consumer's or timer's name (60 of the 330 actors). */
const SYSTEM_ACTORS = [
  'scheduling.rsvps',
  'scheduling.incidents',
  'scheduling.series-materializer',
  'submissions.brief-requests',
  'submissions.overdue-briefs',
  'submissions.briefing-packs',
  'notifications.invitations',
  'notifications.mail-sender',
  'notifications.webhooks',
  'gateway',
];
const SYSTEM_SLOTS = 60;
const ACTORS = 330;
const HUMAN_ROLES = ['admin', 'coordinator', 'host', 'agency', 'press'];

/** `md5(text)::uuid` as PostgreSQL computes it, so that the bench can name a seeded entity or actor. */
export const md5Uuid = (text) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** Entity number `n` of a type, as the seed names it (`power(random(), 2)` makes low numbers the busiest). */
export const seededEntityId = (entityType, n) => md5Uuid(`${entityType}:${n}`);
/** The human actor `h` (0…269): the first 90 API keys, the rest users signed in with a JWT. */
export const seededActor = (h) => (h < 90 ? `api-key:${md5Uuid(`key${h}`)}` : `jwt:${md5Uuid(`user${h}`)}`);

function kindsOf(spec) {
  const kinds = [];
  for (const [entity, verbs] of Object.entries(spec)) {
    const [type, entities] = entity.split(' ');
    for (const verb of verbs.split(', ')) {
      const [name, weight] = verb.split(' ');
      kinds.push({ type, verb: name, weight: Number(weight), entities: Number(entities) });
    }
  }
  const sum = kinds.reduce((s, k) => s + k.weight, 0);
  let cumulative = 0;
  // width_bucket(random(), thresholds) picks kind i with probability weight_i / sum.
  const thresholds = kinds.map((k) => {
    const start = cumulative;
    cumulative += k.weight / sum;
    return start;
  });
  return { kinds, thresholds };
}

const monthStart = (year, month) => new Date(Date.UTC(year, month, 1));
const partitionName = (start) =>
  `audit_event_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;

/** The months [start, end) of the span, each clipped to it. */
function monthsOf(from, to) {
  const months = [];
  for (let m = monthStart(from.getUTCFullYear(), from.getUTCMonth()); m < to;) {
    const next = monthStart(m.getUTCFullYear(), m.getUTCMonth() + 1);
    months.push({ start: m, end: next, lo: new Date(Math.max(m, from)), hi: new Date(Math.min(next, to)) });
    m = next;
  }
  return months;
}

const INSERT = (schema) => `
  INSERT INTO ${schema}.audit_event (id, occurred_at, actor_role, actor_subject, actor_agency_id, action, entity_type,
                                     entity_id, correlation_id, changes)
  SELECT gen_random_uuid(), r.at, a.role, a.subject, a.agency_id, ($2::text[])[r.k] || '.' || ($3::text[])[r.k],
         ($2::text[])[r.k], md5(($2::text[])[r.k] || ':' || floor(power(r.e, 2) * ($4::int[])[r.k])::int)::uuid::text,
         CASE WHEN r.c < 0.9 THEN gen_random_uuid()::text END,
         jsonb_build_object(
           'status', jsonb_build_object('from', 'OPEN', 'to', upper(($3::text[])[r.k])),
           'title', jsonb_build_object('from', NULL, 'to', 'Nội dung thay đổi số ' || r.g))
         || CASE WHEN r.f < 0.5 THEN jsonb_build_object(
              'starts_at', jsonb_build_object('from', r.at - interval '2 days', 'to', r.at),
              'location', jsonb_build_object('from', 'Hội trường UBND tỉnh', 'to', 'Phòng họp số 2'))
            ELSE '{}'::jsonb END
    FROM (SELECT g, width_bucket(random(), $1::float8[]) AS k, random() AS e, random() AS c, random() AS f,
                 floor(power(random(), 2) * ${ACTORS})::int AS n,
                 $5::timestamptz + random() * ($6::timestamptz - $5::timestamptz) AS at
            FROM generate_series(1, $7::int) g) r
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.n < ${SYSTEM_SLOTS} THEN 'system' ELSE ($9::text[])[1 + (r.n - ${SYSTEM_SLOTS}) % 5] END AS role,
             CASE WHEN r.n < ${SYSTEM_SLOTS} THEN ($8::text[])[1 + r.n % array_length($8::text[], 1)]
                  WHEN r.n - ${SYSTEM_SLOTS} < 90 THEN 'api-key:' || md5('key' || (r.n - ${SYSTEM_SLOTS}))::uuid
                  ELSE 'jwt:' || md5('user' || (r.n - ${SYSTEM_SLOTS}))::uuid END AS subject,
             CASE WHEN r.n >= ${SYSTEM_SLOTS} AND (r.n - ${SYSTEM_SLOTS}) % 5 >= 3
                  THEN md5('agency' || (r.n - ${SYSTEM_SLOTS}) % 80)::uuid END AS agency_id) a`;

/**
 * Seeds `rows` audit rows over the year before `now` (uniform in time), one statement per store and month, then
 * VACUUM ANALYZE as autovacuum would after such inserts. `client` is a pg client of the server's admin user on the
 * stack's database; `roleOf(schema)` the role owning that schema, as which the partitions are made.
 */
export async function seedAuditYear(client, { rows, now, roleOf, log }) {
  const from = new Date(now.getTime() - 365 * DAY_MS);
  const months = monthsOf(from, now);
  const seeded = {};
  let partitions = 0;
  const started = Date.now();
  for (const [schema, [share, spec]] of Object.entries(STORES)) {
    // As the migration and the retention job make them (libs/messaging/src/audit/audit-partitions.ts), as the owner.
    await client.query(`SET ROLE "${roleOf(schema)}"`);
    await client.query(`SET search_path = "${schema}"`);
    for (const { start, end } of months) {
      const name = partitionName(start);
      const made = await client.query(`SELECT to_regclass($1) IS NULL AS missing`, [`${schema}.${name}`]);
      if (!made.rows[0].missing) continue;
      await client.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF audit_event
                            FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`);
      await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${name} FROM PUBLIC, CURRENT_USER`);
      await client.query(`CREATE OR REPLACE TRIGGER ${name}_no_truncate BEFORE TRUNCATE ON ${name}
                            FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
      partitions += 1;
    }
    await client.query('RESET ROLE');
    await client.query('RESET search_path');

    const { kinds, thresholds } = kindsOf(spec);
    seeded[schema] = 0;
    for (const { lo, hi } of months) {
      const count = Math.round((rows * share * (hi - lo)) / (now - from));
      await client.query(INSERT(schema), [
        thresholds,
        kinds.map((k) => k.type),
        kinds.map((k) => k.verb),
        kinds.map((k) => k.entities),
        lo,
        hi,
        count,
        SYSTEM_ACTORS,
        HUMAN_ROLES,
      ]);
      seeded[schema] += count;
    }
    log?.(`audit seed: ${schema} ${seeded[schema]} rows (${Math.round((Date.now() - started) / 1000)} s so far)`);
  }
  const seedS = Math.round((Date.now() - started) / 1000);
  for (const schema of Object.keys(STORES)) await client.query(`VACUUM ANALYZE ${schema}.audit_event`);
  const actions = new Set(
    Object.values(STORES).flatMap(([, spec]) => kindsOf(spec).kinds.map((k) => `${k.type}.${k.verb}`)),
  );
  return {
    rows: seeded,
    total: Object.values(seeded).reduce((a, b) => a + b, 0),
    from: from.toISOString(),
    to: now.toISOString(),
    partitionsMade: partitions,
    actions: actions.size,
    actors: ACTORS,
    seedS,
    vacuumAnalyzeS: Math.round((Date.now() - started) / 1000) - seedS,
  };
}
