import type { ConferenceView, Problem } from '@pressconf/contracts';
import { Stack, eventually } from './support/stack';
import { callPeriodicConference, countBy, invitationMails, waitForInvitations } from './support/conference';
import { smallDirectory } from './fixtures/directory';

const RPC_TIMEOUT_MS = 2000;

/** A draft periodic conference ten days ahead at 09:00 Asia/Ho_Chi_Minh. */
function draft(title: string) {
  const day = new Date(Date.now() + 10 * 24 * 3600_000);
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 2, 0, 0));
  return {
    kind: 'PERIODIC',
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    venue: 'Hội trường UBND tỉnh',
    topics: ['Đất đai'],
  };
}

/**
 * The gateway asks the services over HTTP. A service that is down is a 503 with Retry-After at once, one that
 * hangs a 504 after GATEWAY_RPC_TIMEOUT_MS; neither ever leaves a half-written change, and a retry once the
 * service is back succeeds and does the work once.
 */
describe('a service down or hanging during a call', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ env: { GATEWAY_RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a stopped service is a 503 problem with Retry-After; the retry succeeds and creates one conference', async () => {
    await stack.stopService('scheduling', 'SIGKILL');
    const started = Date.now();
    const read = await stack.api<Problem>('GET', '/conferences');
    expect(read.status).toBe(503);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(read.body.detail).toContain('scheduling');
    expect(Date.now() - started).toBeLessThan(RPC_TIMEOUT_MS);

    const title = `Hội nghị thử khi dịch vụ ngừng ${Date.now()}`;
    const headers = { 'Idempotency-Key': `outage-${Date.now()}` };
    const refused = await stack.api('POST', '/conferences', { body: draft(title), headers });
    expect(refused.status).toBe(503);

    await stack.startService('scheduling');
    const created = await stack.api<ConferenceView>('POST', '/conferences', { body: draft(title), headers });
    expect(created.status).toBe(201);
    const again = await stack.api<ConferenceView>('POST', '/conferences', { body: draft(title), headers });
    expect(again.body.id).toBe(created.body.id);
    const rows = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scheduling.conference WHERE title = $1`,
      [title],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a hanging service is a 504 problem after the timeout, and answers again once it resumes', async () => {
    const { conference } = await callPeriodicConference(stack);
    stack.signal('scheduling', 'SIGSTOP');
    try {
      const started = Date.now();
      const read = await stack.api<Problem>('GET', `/conferences/${conference.id}`);
      expect(read.status).toBe(504);
      expect(read.body.status).toBe(504);
      expect(Date.now() - started).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 100);
      expect(Date.now() - started).toBeLessThan(RPC_TIMEOUT_MS * 4);
      // The gateway itself stays responsive.
      expect((await fetch(`http://127.0.0.1:${stack.ports.gateway}/health/live`)).status).toBe(200);
    } finally {
      stack.signal('scheduling', 'SIGCONT');
    }
    const read = await eventually(async () => {
      const answer = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
      return answer.status === 200 ? answer : undefined;
    });
    expect(read.body.id).toBe(conference.id);
  });

  it('a service killed while calling a conference: the call is done once or not at all, and invitations go once', async () => {
    for (const agency of smallDirectory(3)) await stack.api('POST', '/agencies', { body: agency });
    const drafted = await stack.api<ConferenceView>('POST', '/conferences', {
      body: draft('Hội nghị bị gián đoạn khi triệu tập'),
    });
    expect(drafted.status).toBe(201);
    const id = drafted.body.id;

    const inFlight = stack.api('POST', `/conferences/${id}/call`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await stack.stopService('scheduling', 'SIGKILL');
    const first = await inFlight;
    expect([200, 503]).toContain(first.status);

    await stack.startService('scheduling');
    const retry = await stack.api('POST', `/conferences/${id}/call`);
    // Either the first call had committed (the retry finds it CALLED) or it had not (the retry calls it).
    if (first.status === 200) expect(retry.status).toBe(409);
    else expect([200, 409]).toContain(retry.status);
    const conference = (await stack.api<ConferenceView>('GET', `/conferences/${id}`)).body;
    expect(conference.status).toBe('CALLED');

    await waitForInvitations(stack, id, conference.participants.length);
    const perRecipient = countBy(invitationMails(stack, id), (m) => m.envelopeTo.join(','));
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(perRecipient.size).toBe(conference.participants.length);
  });
});
