// The activity report over a year (issue 15): seeds the report's projection (scheduling's report_* tables) with a
// generated year, then times GET /api/v1/reports/activity as JSON, CSV and PDF through the gateway. The raw limit
// beside it is PostgreSQL reading the same year's rows of those tables with no figures, no rendering and no HTTP:
// the ratio says what the report adds to reading its facts.
import { randomUUID } from 'node:crypto';
import { now } from './lib/util.mjs';

const YEAR = 2025;
const KINDS = ['PERIODIC', 'EXTRAORDINARY'];

/** A year at a generous provincial scale: every size can be raised from the environment. */
export function reportScale(env = process.env) {
  const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
  return {
    agencies: num('BENCH_REPORT_AGENCIES', 150),
    conferencesPerMonth: num('BENCH_REPORT_CONFERENCES_PER_MONTH', 6),
    inviteesPerConference: num('BENCH_REPORT_INVITEES', 400),
    briefsPerConference: num('BENCH_REPORT_BRIEFS', 40),
    obstaclesPerMonth: 10,
    offersPerMonth: 20,
    repeats: num('BENCH_REPORT_REPEATS', 5),
  };
}

const at = (month, day, hour = 8) => new Date(Date.UTC(YEAR, month, day, hour - 7));

/** Inserts the generated year, in batches of rows per table; returns how many rows each table got. */
export async function seedReportYear(stack, scale) {
  const agencies = Array.from({ length: scale.agencies }, (_, i) => ({
    id: randomUUID(),
    name: `Cơ quan ${i + 1} (benchmark)`,
    press: i % 10 === 0,
  }));
  const rows = { agency: [], conference: [], incident: [], invitee: [], brief_request: [], obstacle: [], offer: [] };
  for (const a of agencies) rows.agency.push([a.id, a.name, a.press]);
  for (let month = 0; month < 12; month += 1) {
    for (let c = 0; c < scale.conferencesPerMonth; c += 1) {
      const kind = KINDS[c % 3 === 2 ? 1 : 0];
      const conferenceId = randomUUID();
      const startsAt = at(month, 2 + c * 4, 14);
      let incidentId = null;
      if (kind === 'EXTRAORDINARY') {
        incidentId = randomUUID();
        const detectedAt = new Date(startsAt.getTime() - (c % 2 ? 30 : 10) * 3_600_000);
        rows.incident.push([
          incidentId,
          `Sự việc ${month + 1}.${c}`,
          detectedAt,
          new Date(detectedAt.getTime() + 86_400_000),
        ]);
      }
      const cancelled = c === 5 && month % 4 === 0 ? startsAt : null;
      rows.conference.push([
        conferenceId,
        kind,
        `Hội nghị ${month + 1}.${c}`,
        incidentId,
        at(month, 1 + c * 4),
        startsAt,
        1,
        c % 4 === 1 ? 1 : 0,
        cancelled,
      ]);
      for (let i = 0; i < scale.inviteesPerConference; i += 1) {
        const agency = agencies[i % agencies.length];
        const delivered = i % 50 !== 7;
        const response = delivered ? [null, 'ACCEPT', 'DECLINE', 'DELEGATE', 'ACCEPT'][i % 5] : null;
        rows.invitee.push([
          randomUUID(),
          conferenceId,
          agency.id,
          agency.name,
          agency.press,
          delivered ? startsAt : null,
          delivered ? null : startsAt,
          response,
        ]);
      }
      for (let b = 0; b < scale.briefsPerConference; b += 1) {
        const dueAt = new Date(startsAt.getTime() - 2 * 86_400_000);
        const submitted = b % 7 === 3 ? null : new Date(dueAt.getTime() + (b % 5 === 0 ? 3_600_000 : -3_600_000));
        rows.brief_request.push([
          randomUUID(),
          conferenceId,
          agencies[b % agencies.length].id,
          dueAt,
          submitted,
          b % 9 === 0 ? 1 : 0,
        ]);
      }
    }
    for (let o = 0; o < scale.obstaclesPerMonth; o += 1)
      rows.obstacle.push([randomUUID(), agencies[o].id, ['OPEN', 'FORWARDED', 'RESOLVED'][o % 3], at(month, 1 + o)]);
    for (let o = 0; o < scale.offersPerMonth; o += 1)
      rows.offer.push([
        randomUUID(),
        agencies[o].id,
        ['OFFERED', 'INCLUDED', 'CALLED_EXTRAORDINARY', 'DECLINED'][o % 4],
        at(month, 1 + o),
      ]);
  }
  const columns = {
    agency: 'agency_id, name, press',
    conference: 'conference_id, kind, title, incident_id, called_at, starts_at, sequence, reschedules, cancelled_at',
    incident: 'incident_id, title, detected_at, convene_by',
    invitee: 'invitee_id, conference_id, agency_id, agency_name, press, delivered_at, failed_at, response',
    brief_request: 'request_id, conference_id, agency_id, due_at, first_submitted_at, returns',
    obstacle: 'report_id, agency_id, status, reported_at',
    offer: 'offer_id, agency_id, status, offered_at',
  };
  for (const [table, values] of Object.entries(rows)) {
    for (let start = 0; start < values.length; start += 1000) {
      const batch = values.slice(start, start + 1000);
      const width = batch[0].length;
      const placeholders = batch.map((_, r) => `(${batch[0].map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
      await stack.query(
        `INSERT INTO scheduling.report_${table} (${columns[table]}) VALUES ${placeholders.join(', ')}`,
        batch.flat(),
      );
    }
  }
  await stack.query('ANALYZE');
  return Object.fromEntries(Object.entries(rows).map(([table, values]) => [table, values.length]));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(repeats, once) {
  const ms = [];
  let size = 0;
  for (let i = 0; i < repeats; i += 1) {
    const started = now();
    size = await once();
    ms.push(Math.round(now() - started));
  }
  return { medianMs: median(ms), maxMs: Math.max(...ms), size };
}

/**
 * Times the route per format (the first call included: a clerk asks once) and the raw read; `size` is the answer's
 * bytes, or the rows read for the raw limit.
 */
export async function measureReport(stack, scale) {
  const period = `from=${YEAR}-01-01T00:00:00%2B07:00&to=${YEAR + 1}-01-01T00:00:00%2B07:00`;
  const get = (accept) => async () => {
    const response = await fetch(`${stack.baseUrl}/reports/activity?${period}`, {
      headers: { 'X-API-Key': stack.adminKey, Accept: accept },
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200)
      throw new Error(`report as ${accept}: ${response.status} ${body.toString().slice(0, 300)}`);
    return body.length;
  };
  const from = `${YEAR}-01-01T00:00:00+07:00`;
  const to = `${YEAR + 1}-01-01T00:00:00+07:00`;
  const raw = await timed(scale.repeats, async () => {
    const read = (sql) => stack.query(sql, [from, to]);
    const results = await Promise.all([
      read('SELECT * FROM scheduling.report_incident WHERE detected_at >= $1 AND detected_at < $2'),
      read('SELECT * FROM scheduling.report_conference WHERE starts_at >= $1 AND starts_at < $2'),
      read(`SELECT i.* FROM scheduling.report_invitee i JOIN scheduling.report_conference c USING (conference_id)
            WHERE c.starts_at >= $1 AND c.starts_at < $2`),
      read('SELECT * FROM scheduling.report_brief_request WHERE due_at >= $1 AND due_at < $2'),
      read('SELECT * FROM scheduling.report_obstacle WHERE reported_at >= $1 AND reported_at < $2'),
      read('SELECT * FROM scheduling.report_offer WHERE offered_at >= $1 AND offered_at < $2'),
    ]);
    return results.reduce((n, r) => n + r.length, 0);
  });
  return {
    json: await timed(scale.repeats, get('application/json')),
    csv: await timed(scale.repeats, get('text/csv')),
    pdf: await timed(scale.repeats, get('application/pdf')),
    raw,
  };
}
