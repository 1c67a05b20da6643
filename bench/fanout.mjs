// Fan-out: one conference call with N invitees, from the call's 2xx to the last invitation accepted by the SMTP
// listener. N invitees = the base agencies' invitees + PRESS agencies generated with the rest as reporters, up to
// 1,000 contacts each (every contact of a PRESS agency is invited). Each run closes its press agencies (validTo) so
// that the next run's conference invites only its own.
import { baseAgencies, conferenceDraft, pressAgency } from './lib/directory.mjs';
import { now, round, sleep, summarize } from './lib/util.mjs';

/** Registers the base agencies. */
export async function registerBase(stack, tag) {
  for (const agency of baseAgencies(tag)) await stack.api('POST', '/agencies', agency);
}

async function closeAgency(stack, id) {
  await stack.api('PATCH', `/agencies/${id}`, { validTo: new Date(Date.now() + 1).toISOString() });
  await sleep(5); // validTo must have passed when the next conference is called
}

/**
 * Waits until every expected recipient has an INVITATION mail of the conference, then `graceMs` more to catch
 * duplicates. Returns per-recipient first acceptance times and counts.
 */
function collectInvitations(sink, conferenceId, expected, { timeoutMs, graceMs }) {
  const first = new Map();
  const counts = new Map();
  let unexpected = 0;
  const take = (mail) => {
    if (mail.conferenceId !== conferenceId || mail.kind !== 'INVITATION') return;
    if (!expected.has(mail.to)) unexpected += 1;
    counts.set(mail.to, (counts.get(mail.to) ?? 0) + 1);
    if (!first.has(mail.to)) first.set(mail.to, mail.at);
  };
  for (const mail of sink.received) take(mail); // anything already in
  return new Promise((resolve) => {
    let timedOut = false;
    const finish = async () => {
      clearTimeout(timer);
      clearInterval(check);
      await sleep(graceMs);
      unsubscribe();
      resolve({ first, counts, unexpected, timedOut });
    };
    const unsubscribe = sink.onMail(take);
    const check = setInterval(() => {
      if ([...expected].every((to) => first.has(to))) finish();
    }, 20);
    const timer = setTimeout(() => {
      timedOut = true;
      finish();
    }, timeoutMs);
  });
}

/**
 * A warm-up call with a small press agency: exercises every path once (JIT, pools, the PDF renderer) and tells
 * how many invitees the base agencies contribute. Its conference (a dozen participants) is also the one the
 * gateway benchmark reads.
 */
export async function warmUp(stack, tag) {
  const press = (await stack.api('POST', '/agencies', pressAgency(tag, 'W', 1))).body;
  const draftBody = conferenceDraft('Hội nghị khởi động (warm-up)');
  const draft = (await stack.api('POST', '/conferences', draftBody)).body;
  const called = (await stack.api('POST', `/conferences/${draft.id}/call`)).body;
  const expected = new Set(called.participants.map((p) => p.email.toLowerCase()));
  const got = await collectInvitations(stack.smtp, called.id, expected, { timeoutMs: 120_000, graceMs: 0 });
  if (got.timedOut) throw new Error(`warm-up: ${got.first.size} of ${expected.size} invitations arrived within 120 s`);
  await closeAgency(stack, press.id);
  const pressInvitees = called.participants.filter((p) => p.agencyId === press.id).length;
  const sizes = stack.smtp.received
    .filter((m) => m.conferenceId === called.id && m.kind === 'INVITATION')
    .map((m) => m.bytes);
  return {
    baseInvitees: called.participants.length - pressInvitees,
    conference: called,
    draftBody,
    invitationBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
  };
}

/** Stage times from the services' own tables (diagnostic; null when a schema changed under us). */
async function stages(stack, conferenceId, callAt) {
  try {
    const [outbox] = await stack.query(
      `SELECT extract(epoch FROM published_at) * 1000 AS published
         FROM scheduling.outbox_message WHERE message_key = $1 AND type = 'scheduling.conference.called.v1'`,
      [conferenceId],
    );
    const [inbox] = await stack.query(
      `SELECT extract(epoch FROM p.processed_at) * 1000 AS handled
         FROM notifications.processed_message p JOIN scheduling.outbox_message o ON o.id = p.message_id
        WHERE o.message_key = $1 AND o.type = 'scheduling.conference.called.v1'`,
      [conferenceId],
    );
    const [delivery] = await stack.query(
      `SELECT count(*)::int AS deliveries, sum(attempts)::int AS attempts,
              count(*) FILTER (WHERE status = 'SENT')::int AS sent,
              extract(epoch FROM min(last_attempt_at)) * 1000 AS leased
         FROM notifications.delivery WHERE conference_id = $1 AND kind = 'INVITATION'`,
      [conferenceId],
    );
    const at = (x) => (x === null || x === undefined ? null : round(Number(x) - callAt));
    return {
      relayPublishedMs: at(outbox?.published),
      handlerStartedMs: at(inbox?.handled),
      firstLeasedMs: at(delivery?.leased),
      deliveries: delivery?.deliveries ?? null,
      deliveriesSent: delivery?.sent ?? null,
      sendAttempts: delivery?.attempts ?? null,
    };
  } catch (error) {
    return { error: String(error.message ?? error) };
  }
}

const PRESS_AGENCY_CONTACTS = 1_000;

/** One measured fan-out of `n` invitees. */
export async function runFanout(stack, { n, tag, baseInvitees, timeoutMs, graceMs = 2000 }) {
  // Each press agency's editor-in-chief is invited too. A national call spans many agencies, each registered in
  // one request under the API's body limit: at most PRESS_AGENCY_CONTACTS contacts an agency.
  const contacts = n - baseInvitees;
  if (contacts < 1) throw new Error(`N = ${n} is below the ${baseInvitees + 1} invitees of the base directory`);
  const agencies = Math.ceil(contacts / PRESS_AGENCY_CONTACTS);
  const press = [];
  for (let i = 0; i < agencies; i += 1) {
    const size = Math.min(PRESS_AGENCY_CONTACTS, contacts - i * PRESS_AGENCY_CONTACTS);
    const suffix = agencies === 1 ? `N${n}` : `N${n}-${i + 1}`;
    press.push((await stack.api('POST', '/agencies', pressAgency(tag, suffix, size - 1))).body);
  }
  const draft = (
    await stack.api('POST', '/conferences', conferenceDraft(`Hội nghị cung cấp thông tin (${n} khách mời)`))
  ).body;

  const callStarted = now();
  const called = (await stack.api('POST', `/conferences/${draft.id}/call`)).body;
  const callAt = now(); // the call's 2xx
  const expected = new Set(called.participants.map((p) => p.email.toLowerCase()));
  const got = await collectInvitations(stack.smtp, called.id, expected, { timeoutMs, graceMs });

  const latencies = [...got.first.values()].map((at) => at - callAt);
  const last = latencies.length ? Math.max(...latencies) : null;
  const duplicated = [...got.counts.values()].reduce((sum, c) => sum + (c - 1), 0);
  const lost = [...expected].filter((to) => !got.first.has(to)).length;
  const result = {
    n: expected.size,
    callMs: round(callAt - callStarted),
    firstMs: latencies.length ? round(Math.min(...latencies)) : null,
    lastMs: round(last),
    invitationsPerSecond: last ? round((got.first.size / last) * 1000) : null,
    latency: summarize(latencies),
    lost,
    duplicated,
    unexpected: got.unexpected,
    timedOut: got.timedOut,
    stages: await stages(stack, called.id, callAt),
  };
  for (const agency of press) await closeAgency(stack, agency.id);
  return result;
}
