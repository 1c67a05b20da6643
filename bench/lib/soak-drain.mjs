// The soak's drain: after the load and the faults, wait until the system has caught up: every replica ready, no
// outbox row unpublished, no mail pending, no consumer lag, twice in a row.
import { consumerLag } from './soak-kafka.mjs';
import { sleep } from './util.mjs';

async function state({ fleet, stack, kafka }) {
  const notReady = [];
  for (const name of fleet.names) if ((await fleet.readiness(name)) !== 200) notReady.push(name);
  const [row] = await stack.query(
    `SELECT (SELECT count(*) FROM scheduling.outbox_message WHERE published_at IS NULL)
          + (SELECT count(*) FROM submissions.outbox_message WHERE published_at IS NULL)
          + (SELECT count(*) FROM notifications.outbox_message WHERE published_at IS NULL) AS outbox,
            (SELECT count(*) FROM notifications.delivery WHERE status = 'PENDING') AS pending`,
  );
  const lag = await consumerLag(kafka);
  const totalLag = Object.values(lag).reduce((s, t) => s + Object.values(t).reduce((a, b) => a + b, 0), 0);
  return { notReady: notReady.length, outbox: Number(row.outbox), pending: Number(row.pending), lag: totalLag };
}

/** Resolves `{ ok, counts }`: ok once caught up (twice in a row), or not when `timeoutMs` ran out first. */
export async function drain({ fleet, stack, kafka, timeoutMs, log }) {
  const deadline = Date.now() + timeoutMs;
  let caughtUp = 0;
  let last = null;
  let lastLog = 0;
  while (Date.now() < deadline) {
    try {
      last = await state({ fleet, stack, kafka });
      caughtUp = last.notReady + last.outbox + last.pending + last.lag === 0 ? caughtUp + 1 : 0;
      if (caughtUp >= 2) return { ok: true, counts: last };
      if (Date.now() - lastLog > 15_000) {
        log.info(`draining: ${JSON.stringify(last)}`);
        lastLog = Date.now();
      }
    } catch (error) {
      caughtUp = 0;
      last = { error: String(error.message ?? error) };
    }
    await sleep(2000);
  }
  return { ok: false, counts: last ?? {} };
}
