import { randomUUID } from 'node:crypto';
import type { ConferenceView, DeliveryView, InvitationView, Page, Problem, Role } from '@pressconf/contracts';
import { eventually, Stack } from '@pressconf/testing/support/stack';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { issueRoleKeys } from '@pressconf/testing/support/role-keys';
import { recipientOf } from './support/mail';

/**
 * Every message visible: GET /deliveries lists each message of every kind with what the mail server answered, on
 * success too, and POST /deliveries/{id}/resend queues a failed one again, once per failure.
 */
const REFUSED = /^(ubnd|hoinhabao)\./;

describe('deliveries: every message, and the resend of a failed one', () => {
  let stack: Stack;
  let keys: Record<Role, string>;
  let conference: ConferenceView;

  const list = (query: string, key?: string) =>
    stack.api<Page<DeliveryView>>('GET', `/deliveries?conferenceId=${conference.id}&pageSize=100&${query}`, { key });
  const delivery = async (id: string) => (await list('')).body.items.find((d) => d.id === id)!;

  beforeAll(async () => {
    stack = await Stack.start();
    // Mail to the People's Committee and the Journalists' Association is refused for good (550): it ends FAILED.
    stack.smtp.rejectRecipients = REFUSED;
    const called = await callPeriodicConference(stack);
    conference = called.conference;
    const press = called.agencies.find((a) => a.kind === 'PRESS')!;
    keys = await issueRoleKeys(stack, {
      agencyId: called.agencies[0].id,
      pressAgencyId: press.id,
      hostAgencyId: called.agencies.find((a) => a.roles.includes('CO_HOST'))!.id,
    });
    await eventually(async () => {
      const { body } = await list('');
      const kinds = new Set(body.items.map((d) => d.kind));
      return kinds.has('INVITATION') && kinds.has('BRIEF_REQUEST') && body.items.every((d) => d.status !== 'PENDING');
    }, 60_000);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists every message of the conference with its outcome and the mail server’s reply, to staff and hosts', async () => {
    for (const role of ['coordinator', 'admin', 'host'] as const) {
      const { status, body } = await list('', keys[role]);
      expect(status).toBe(200);
      expect(body.total).toBe(body.items.length);
      expect(body.items.length).toBeGreaterThan(conference.participants.length);
      // Newest first.
      const queued = body.items.map((d) => Date.parse(d.queuedAt));
      expect([...queued].sort((a, b) => b - a)).toEqual(queued);
    }
    const { body } = await list('');
    for (const sent of body.items.filter((d) => d.status === 'SENT')) {
      expect(sent).toMatchObject({ attempts: 1, lastError: null, resendable: false, nextAttemptAt: null });
      expect(sent.smtpResponse).toMatch(/^250 /);
      expect(Date.parse(sent.lastAttemptAt!)).toBeLessThanOrEqual(Date.parse(sent.sentAt!));
    }
    const failed = body.items.filter((d) => d.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    for (const delivery of failed) {
      expect(delivery.email).toMatch(REFUSED);
      expect(delivery).toMatchObject({ attempts: 1, sentAt: null, smtpResponse: null, resendable: true, resends: 0 });
      expect(delivery.lastError).toMatch(/550/);
    }
    const invitation = body.items.find((d) => d.kind === 'INVITATION')!;
    expect(invitation.invitationId).not.toBeNull();
    expect(invitation.agencyName).toBe(conference.participants.find((p) => p.email === invitation.email)?.agencyName);

    for (const role of ['agency', 'press', 'reader'] as const) {
      const refused = await list('', keys[role]);
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }
  });

  it('filters by kind, status and recipient, and pages', async () => {
    const all = (await list('')).body;
    const kinds = (await list('kind=BRIEF_REQUEST')).body;
    expect(kinds.total).toBeGreaterThan(0);
    expect(kinds.items.every((d) => d.kind === 'BRIEF_REQUEST')).toBe(true);
    const failed = (await list('status=FAILED')).body;
    expect(failed.items.map((d) => d.id)).toEqual(all.items.filter((d) => d.status === 'FAILED').map((d) => d.id));
    // Any part of the address or the name, any case; LIKE's wildcards match only themselves.
    const byRecipient = (await list('recipient=UBND.')).body;
    expect(byRecipient.total).toBe(all.items.filter((d) => d.email.includes('ubnd.')).length);
    expect((await list(`recipient=${encodeURIComponent('%')}`)).body.total).toBe(0);
    const page = (
      await stack.api<Page<DeliveryView>>('GET', `/deliveries?conferenceId=${conference.id}&pageSize=2&page=2`)
    ).body;
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page.items.map((d) => d.id)).toEqual(all.items.slice(2, 4).map((d) => d.id));

    for (const [query, field] of [
      ['kind=LETTER', 'kind'],
      ['status=DONE', 'status'],
      ['conferenceId=not-a-uuid', 'conferenceId'],
      ['pageSize=101', 'pageSize'],
      [`recipient=${'a'.repeat(321)}`, 'recipient'],
    ]) {
      const refused = await stack.api<Problem>('GET', `/deliveries?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors?.map((e) => e.field)).toEqual([field]);
    }
  });

  it('queues a failed message again once per failure, and sends it', async () => {
    const [first, second] = (await list('status=FAILED&kind=INVITATION')).body.items;
    expect(second).toBeDefined();
    for (const role of ['host', 'agency', 'press', 'reader'] as const) {
      const refused = await stack.api('POST', `/deliveries/${first.id}/resend`, { key: keys[role] });
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }

    // Refused again: queued once, it fails anew, and only then may it be queued again.
    const again = await stack.api<DeliveryView>('POST', `/deliveries/${second.id}/resend`, { key: keys.admin });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'PENDING', resends: 1, resendable: false });
    const refailed = await eventually(async () => {
      const current = await delivery(second.id);
      return current.status === 'FAILED' ? current : undefined;
    });
    expect(refailed).toMatchObject({ attempts: 2, resends: 1, resendable: true });
    expect(refailed.lastError).toMatch(/550/);

    stack.smtp.rejectRecipients = undefined;
    const resent = await stack.api<DeliveryView>('POST', `/deliveries/${first.id}/resend`, { key: keys.coordinator });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: first.id, status: 'PENDING', resends: 1, resendable: false });
    // Once per failure: queued (or sent by now), it cannot be queued again.
    const twice = await stack.api<Problem>('POST', `/deliveries/${first.id}/resend`, { key: keys.coordinator });
    expect(twice.status).toBe(409);
    expect(twice.headers.get('content-type')).toContain('application/problem+json');

    const sent = await eventually(async () => {
      const current = await delivery(first.id);
      return current.status === 'SENT' ? current : undefined;
    });
    expect(sent).toMatchObject({ attempts: 2, lastError: null, resends: 1, resendable: false });
    expect(sent.smtpResponse).toMatch(/^250 /);
    await eventually(() => stack.smtp.forConference(conference.id).some((m) => recipientOf(m) === first.email));
    // The invitee's invitation now shows it delivered.
    const invitations = await stack.api<Page<InvitationView>>(
      'GET',
      `/conferences/${conference.id}/invitations?pageSize=100`,
    );
    expect(invitations.body.items.find((i) => i.email === first.email)).toMatchObject({ status: 'SENT', attempts: 2 });

    const sentAgain = await stack.api<Problem>('POST', `/deliveries/${first.id}/resend`);
    expect(sentAgain.status).toBe(409);
    expect(sentAgain.body.detail).toContain('accepted');
    expect((await stack.api('POST', `/deliveries/${randomUUID()}/resend`)).status).toBe(404);
    expect((await stack.api<Problem>('POST', '/deliveries/not-a-uuid/resend')).status).toBe(400);
  });
});
