// What must hold after the soak's drain, each with its counts: mail exactly once (duplicates only in the crash
// window, bounded by the kills), nothing missing, brief requests and cancellation notices where they belong,
// each conference's events in order, the DLQs holding exactly the injected poison, no lag, no outbox backlog,
// no 5xx but 503/504 during a fault, every replica ready again.
import { EVENT_TOPICS } from './soak-chaos.mjs';
import { consumerLag, readTopic } from './soak-kafka.mjs';

const SERVICE_SCHEMAS = ['scheduling', 'submissions', 'notifications'];
/** The delivery a mail is of: its Message-ID is `<delivery id@domain>`, stable across resends. */
const deliveryOf = (messageId) => (messageId ?? '').trim().replace(/^</, '').split('@')[0].toLowerCase();

/** `{ name, held, counts, detail? }` */
const verdict = (name, held, counts, detail) => ({ name, held, counts, ...(detail ? { detail } : {}) });

export async function mailInvariants({ db, sink, chaos, batchSize }) {
  const { rows } = await db.query(
    `SELECT id, kind, status, message_id, last_error FROM notifications.delivery ORDER BY created_at`,
  );
  const received = new Map();
  const receivedAt = new Map();
  for (const mail of sink.received) {
    const id = deliveryOf(mail.messageId);
    received.set(id, (received.get(id) ?? 0) + 1);
    receivedAt.set(id, [...(receivedAt.get(id) ?? []), new Date(mail.at).toISOString()]);
  }
  const duplicated = [];
  const queued = new Set(rows.map((row) => row.id));
  let sentUnrecorded = 0;
  const byKind = {};
  for (const row of rows) {
    const k = (byKind[row.kind] ??= {
      sent: 0,
      once: 0,
      duplicates: 0,
      missing: 0,
      givenUp: 0,
      pending: 0,
      skipped: 0,
    });
    if (row.status === 'PENDING') {
      k.pending += 1;
      if (received.has(row.id)) sentUnrecorded += 1; // its replica died before recording: it will go again
    } else if (row.status === 'FAILED' && String(row.last_error ?? '').startsWith('not sent:')) k.skipped += 1;
    else if (row.status === 'FAILED') k.givenUp += 1;
    else {
      k.sent += 1;
      const n = received.get(row.id) ?? 0;
      if (n === 0) k.missing += 1;
      else if (n === 1) k.once += 1;
      else {
        k.duplicates += n - 1;
        duplicated.push(`${row.kind} ${row.id} received at ${receivedAt.get(row.id).join(', ')}`);
      }
    }
  }
  const unexpected = [...received.keys()].filter((id) => !queued.has(id)).length;
  const total = (field) => Object.values(byKind).reduce((sum, k) => sum + k[field], 0);
  // A crash between the mail server's 250 and our record resends what that replica had leased: at most a batch.
  const crashes = chaos.faults.filter(
    (f) => (f.kind === 'sigkill' && f.target.startsWith('notifications')) || f.kind === 'smtp-down',
  ).length;
  const bound = crashes * batchSize;
  const invitations = byKind.INVITATION ?? { sent: 0, once: 0, duplicates: 0, missing: 0, givenUp: 0, pending: 0 };
  return [
    verdict(
      'invitations sent were received exactly once',
      invitations.missing === 0 && invitations.givenUp === 0 && invitations.pending === 0,
      {
        sent: invitations.sent,
        once: invitations.once,
        missing: invitations.missing,
        givenUp: invitations.givenUp,
        pending: invitations.pending,
      },
    ),
    verdict(
      `duplicate mail only in the crash window (≤ ${batchSize} per notifications SIGKILL or SMTP drop: ${bound})`,
      total('duplicates') <= bound,
      { duplicates: total('duplicates'), bound, crashes },
      duplicated.slice(0, 50),
    ),
    verdict(
      'every mail of every kind sent, none given up or left pending, none unexpected',
      total('missing') + total('givenUp') + total('pending') + unexpected === 0,
      {
        deliveries: rows.length,
        missing: total('missing'),
        givenUp: total('givenUp'),
        pending: total('pending'),
        sentUnrecorded,
        unexpected,
        skippedAsNoLongerApplying: total('skipped'),
      },
      byKind,
    ),
  ];
}

export async function domainInvariants({ db, conferenceEvents }) {
  const out = [];
  const { rows: invited } = await db.query(
    `SELECT c.id, count(DISTINCT p.id)::int AS participants,
            (SELECT count(*)::int FROM notifications.invitation i WHERE i.conference_id = c.id) AS invitations,
            (SELECT count(*)::int FROM notifications.invitation i
              WHERE i.conference_id = c.id AND NOT EXISTS (SELECT 1 FROM notifications.delivery d
                     WHERE d.invitation_id = i.id AND d.kind = 'INVITATION')) AS without_delivery
       FROM scheduling.conference c LEFT JOIN scheduling.participant p ON p.conference_id = c.id
      WHERE c.called_at IS NOT NULL GROUP BY c.id`,
  );
  const short = invited.filter((c) => c.participants !== c.invitations || c.without_delivery > 0);
  out.push(
    verdict('every participant of every called conference has one invitation queued', short.length === 0, {
      conferences: invited.length,
      participants: invited.reduce((s, c) => s + c.participants, 0),
      wrong: short.length,
    }),
  );
  // The agencies that must brief, as the call said, each with exactly one brief request.
  const mustBrief = new Map();
  for (const event of conferenceEvents.filter((e) => e.type === 'scheduling.conference.called.v1')) {
    const agencies = new Set((event.data.invitees ?? []).filter((i) => i.mustBrief).map((i) => i.agencyId));
    mustBrief.set(event.data.conferenceId, agencies);
  }
  // A request still owed at the end (never answered) of a conference not cancelled must have had its request mail;
  // one answered or cancelled before the call reached notifications gets none, by design.
  const { rows: requests } = await db.query(
    `SELECT r.conference_id, r.agency_id, count(*)::int AS n,
            bool_or(r.status IN ('OPEN', 'OVERDUE') AND c.status <> 'CANCELLED') AS owed,
            bool_or(EXISTS (SELECT 1 FROM notifications.delivery d WHERE d.brief_request_id = r.id AND d.kind = 'BRIEF_REQUEST')) AS mailed
       FROM submissions.brief_request r JOIN scheduling.conference c ON c.id = r.conference_id
      GROUP BY r.conference_id, r.agency_id`,
  );
  const have = new Map(requests.map((r) => [`${r.conference_id} ${r.agency_id}`, r]));
  let expected = 0;
  let missing = 0;
  for (const [conferenceId, agencies] of mustBrief) {
    for (const agencyId of agencies) {
      expected += 1;
      if (!have.get(`${conferenceId} ${agencyId}`)) missing += 1;
    }
  }
  const doubled = requests.filter((r) => r.n > 1).length;
  const unmailed = requests.filter((r) => r.owed && !r.mailed).length;
  out.push(
    verdict(
      'each agency that must brief has one brief request, with its request mail while owed',
      missing + doubled + unmailed === 0,
      {
        expected,
        requests: requests.length,
        missing,
        doubled,
        withoutMail: unmailed,
      },
    ),
  );
  const { rows: cancelled } = await db.query(
    `SELECT count(*)::int AS invitations,
            count(*) FILTER (WHERE (SELECT count(*) FROM notifications.delivery d WHERE d.invitation_id = i.id
                                     AND d.kind = 'INVITATION_CANCELLED' AND d.status = 'SENT') <> 1)::int AS wrong
       FROM notifications.invitation i JOIN scheduling.conference c ON c.id = i.conference_id
      WHERE c.status = 'CANCELLED'`,
  );
  out.push(
    verdict(
      'every invitee of a cancelled conference got one cancellation notice',
      cancelled[0].wrong === 0,
      cancelled[0],
    ),
  );
  return out;
}

/** Events of each conference in order on its topic (duplicates of a republished event aside, and counted). */
export function orderInvariant(conferenceEvents) {
  const seen = new Set();
  const last = new Map();
  let duplicates = 0;
  let outOfOrder = 0;
  for (const event of conferenceEvents) {
    if (seen.has(event.id)) {
      duplicates += 1;
      continue;
    }
    seen.add(event.id);
    const sequence = Number(event.data?.sequence ?? 0);
    const key = event.subject;
    if (last.has(key) && sequence <= last.get(key)) outOfOrder += 1;
    last.set(key, Math.max(sequence, last.get(key) ?? 0));
  }
  return verdict('each conference’s events in order on scheduling.conference.v1', outOfOrder === 0, {
    events: seen.size,
    conferences: last.size,
    outOfOrder,
    republished: duplicates,
  });
}

export async function kafkaInvariants({ kafka, chaos }) {
  const lag = await consumerLag(kafka);
  const totalLag = Object.values(lag).reduce((s, topics) => s + Object.values(topics).reduce((a, b) => a + b, 0), 0);
  const groupsOf = (topic) => Object.values(lag).filter((topics) => topic in topics).length;
  const found = new Map();
  const strangers = [];
  for (const topic of EVENT_TOPICS) {
    for (const message of await readTopic(kafka, `${topic}.dlq`)) {
      const marker = message.headers['soak-poison'] ?? /soak-poison-[0-9a-f-]{36}/.exec(message.value)?.[0];
      if (marker) found.set(marker, (found.get(marker) ?? 0) + 1);
      else strangers.push(`${topic}: ${message.headers['dead-letter-reason'] ?? message.value.slice(0, 200)}`);
    }
  }
  let wrong = 0;
  for (const poison of chaos.poisons) {
    const n = found.get(poison.marker) ?? 0;
    const groups = groupsOf(poison.topic);
    if (poison.acked ? n !== groups : n > groups) wrong += 1;
    found.delete(poison.marker);
  }
  return [
    verdict(
      'the DLQs hold exactly the injected poison (once per consuming group)',
      wrong + strangers.length + found.size === 0,
      {
        injected: chaos.poisons.filter((p) => p.acked).length,
        unconfirmed: chaos.poisons.filter((p) => !p.acked).length,
        wrong,
        other: strangers.length,
      },
      strangers.slice(0, 20),
    ),
    verdict('consumer lag 0', totalLag === 0, { lag: totalLag }, lag),
  ];
}

export async function outboxInvariant(db) {
  const counts = {};
  for (const schema of SERVICE_SCHEMAS) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "${schema}".outbox_message WHERE published_at IS NULL`,
    );
    counts[schema] = rows[0].n;
  }
  return verdict(
    'outbox empty',
    Object.values(counts).every((n) => n === 0),
    counts,
  );
}

/** 5xx (and refused connections) only as 503/504 or no answer, and only during a fault or just after it. */
export function serverErrorInvariant({ client, chaos, graceMs }) {
  const judged = client.serverErrors.map((e) => ({
    ...e,
    allowed: (e.status === 503 || e.status === 504 || e.status === 0) && chaos.during(e.at, graceMs),
  }));
  const bad = judged.filter((e) => !e.allowed);
  return verdict(
    `no 5xx but 503/504 during a fault (+${graceMs / 1000} s)`,
    bad.length === 0,
    {
      during: judged.length - bad.length,
      outside: bad.length,
    },
    bad.slice(0, 20).map((e) => `${new Date(e.at).toISOString()} ${e.status} ${e.action}: ${e.detail}`),
  );
}

/** Conference events from the topic, parsed; what does not parse is left to the DLQ check. */
export async function conferenceEventsOf(kafka) {
  const events = [];
  for (const message of await readTopic(kafka, 'scheduling.conference.v1')) {
    try {
      const envelope = JSON.parse(message.value);
      const isEvent = /^[0-9a-f-]{36}$/.test(envelope?.id ?? '') && typeof envelope?.subject === 'string';
      if (isEvent && envelope.type?.startsWith('scheduling.conference.')) events.push(envelope);
    } catch {
      /* a poison message */
    }
  }
  return events;
}
