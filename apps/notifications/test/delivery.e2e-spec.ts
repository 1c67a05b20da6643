import { EventTypes, InvitationView, Page, Topics } from '@pressconf/contracts';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import { countBy, invitationMails, waitForInvitations } from '@pressconf/testing/support/conference';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { TopicWatch } from './support/events';
import { recipientOf } from './support/mail';

describe('delivery: retries through an outage, gives up on permanent and persistent failures', () => {
  let stack: Stack;
  let watch: TopicWatch;

  beforeAll(async () => {
    stack = await Stack.start();
    watch = await TopicWatch.start(Topics.invitation);
  });

  afterAll(async () => {
    await watch?.stop();
    await stack?.stop();
  });

  afterEach(async () => {
    stack.smtp.delayMs = 0;
    stack.smtp.refuseWith = undefined;
    stack.smtp.rejectRecipients = undefined;
    // Let the mail of this test settle, so that the next one's mail server settings meet only its own mail.
    await eventually(async () => {
      const [row] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications.delivery WHERE status = 'PENDING'`,
      );
      return row.n === 0;
    }, 60_000);
  });

  const invitationsOf = async (conferenceId: string): Promise<InvitationView[]> =>
    (await stack.api<Page<InvitationView>>('GET', `/conferences/${conferenceId}/invitations?pageSize=100`)).body.items;

  it('records a permanent refusal (550) as FAILED after one attempt and announces it', async () => {
    stack.smtp.rejectRecipients = /^ubnd\./;
    const { conference } = await callPeriodicConference(stack);
    const refused = conference.participants.filter((p) => p.email.startsWith('ubnd.'));
    expect(refused.length).toBeGreaterThan(0);

    const invitations = await eventually(async () => {
      const items = await invitationsOf(conference.id);
      return items.length === conference.participants.length && items.every((i) => i.status !== 'PENDING')
        ? items
        : undefined;
    });
    for (const invitation of invitations) {
      if (invitation.email.startsWith('ubnd.')) {
        expect(invitation).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
        expect(invitation.lastError).toMatch(/550/);
      } else {
        expect(invitation).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
      }
    }
    const failed = await eventually(() => {
      const events = watch.of(EventTypes.invitationFailed, conference.id);
      return events.length >= refused.length ? events : undefined;
    });
    expect(new Set(failed.map((e) => e.data.inviteeId))).toEqual(new Set(refused.map((p) => p.inviteeId)));
    for (const event of failed) {
      expect(event.data).toMatchObject({
        conferenceId: conference.id,
        channel: 'EMAIL',
        attempts: 1,
        notice: 'INVITATION',
      });
      expect(event.data.error).toMatch(/550/);
    }
    await eventually(
      () => watch.of(EventTypes.invitationSent, conference.id).length >= invitations.length - refused.length,
    );
    expect(invitationMails(stack, conference.id).some((m) => recipientOf(m).startsWith('ubnd.'))).toBe(false);
  });

  it('retries temporary refusals (451) with backoff and gives up after MAIL_MAX_ATTEMPTS', async () => {
    stack.smtp.refuseWith = '451 4.3.0 Mail queue full, try again later';
    const { conference } = await callPeriodicConference(stack);
    const invitations = await eventually(async () => {
      const items = await invitationsOf(conference.id);
      return items.length === conference.participants.length && items.every((i) => i.status === 'FAILED')
        ? items
        : undefined;
    }, 120_000);
    for (const invitation of invitations) {
      expect(invitation).toMatchObject({ status: 'FAILED', attempts: 20, sentAt: null }); // MAIL_MAX_ATTEMPTS default
      expect(invitation.lastError).toMatch(/451/);
    }
    const failed = await eventually(() => {
      const events = watch.of(EventTypes.invitationFailed, conference.id);
      return events.length >= invitations.length ? events : undefined;
    });
    expect(failed.every((e) => e.data.attempts === 20)).toBe(true);
    expect(invitationMails(stack, conference.id)).toEqual([]);
  });

  it('loses nothing and sends nothing twice when the mail server goes down mid-fan-out and comes back', async () => {
    stack.smtp.delayMs = 100;
    const { conference } = await callPeriodicConference(stack, { reporters: 30 });
    const participants = conference.participants;
    expect(participants.length).toBeGreaterThan(30);
    await eventually(() => invitationMails(stack, conference.id).length >= 5);
    await stack.smtp.stop({ closeTimeoutMs: 200 });
    const beforeOutage = invitationMails(stack, conference.id).length;
    expect(beforeOutage).toBeLessThan(participants.length);

    // While the server is down the rest wait in the queue and are retried with backoff: none is given up or lost.
    const during = await eventually(async () => {
      const items = await invitationsOf(conference.id);
      return items.some((i) => i.status === 'PENDING' && i.attempts >= 2 && /ECONNREFUSED/.test(i.lastError ?? ''))
        ? items
        : undefined;
    }, 20_000);
    expect(during.filter((i) => i.status === 'FAILED')).toEqual([]);
    expect(invitationMails(stack, conference.id)).toHaveLength(beforeOutage);

    await stack.smtp.start();
    await waitForInvitations(stack, conference.id, participants.length, 90_000);
    expect(countBy(invitationMails(stack, conference.id), recipientOf)).toEqual(
      new Map(participants.map((p) => [p.email.toLowerCase(), 1])),
    );
    const after = await eventually(async () => {
      const items = await invitationsOf(conference.id);
      return items.length === participants.length && items.every((i) => i.status === 'SENT') ? items : undefined;
    });
    expect(after).toHaveLength(participants.length);
    expect(after.every((i) => i.sentAt && i.attempts >= 1)).toBe(true);
    expect(after.some((i) => i.attempts >= 2)).toBe(true);

    const sent = await eventually(() => {
      const events = watch.of(EventTypes.invitationSent, conference.id);
      return events.length >= participants.length ? events : undefined;
    });
    expect(countBy(sent, (e) => e.data.inviteeId)).toEqual(new Map(participants.map((p) => [p.inviteeId, 1])));
    expect(watch.of(EventTypes.invitationFailed, conference.id)).toEqual([]);
  });
});
