import type { BriefRequestView, InvitationView, Page } from '@pressconf/contracts';
import { Stack, eventually } from './support/stack';
import { callPeriodicConference, countBy, invitationMails, waitForInvitations } from './support/conference';

/** Every participant got exactly one invitation for the conference. */
function expectExactlyOnce(stack: Stack, conference: { id: string; participants: Array<{ email: string }> }) {
  const perRecipient = countBy(invitationMails(stack, conference.id), (m) => m.envelopeTo.join(','));
  const expected = new Map(conference.participants.map((p) => [p.email.toLowerCase(), 1]));
  expect(perRecipient).toEqual(expected);
}

describe('nothing is lost and nothing is sent twice when parts of the system stop', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(() => {
    stack.smtp.delayMs = 0;
  });

  it('notifications stopped and restarted during the fan-out', async () => {
    stack.smtp.delayMs = 150;
    const { conference } = await callPeriodicConference(stack, { reporters: 40 });
    expect(conference.participants.length).toBeGreaterThan(45);
    await eventually(() => stack.smtp.forConference(conference.id).length >= 5);
    await stack.stopService('notifications', 'SIGTERM');
    const beforeRestart = invitationMails(stack, conference.id).length;
    expect(beforeRestart).toBeLessThan(conference.participants.length);

    await stack.startService('notifications');
    await waitForInvitations(stack, conference.id, conference.participants.length);
    expectExactlyOnce(stack, conference);
    const invitations = await eventually(async () => {
      const page = await stack.api<Page<InvitationView>>(
        'GET',
        `/conferences/${conference.id}/invitations?pageSize=100`,
      );
      return page.body.items.every((i) => i.status === 'SENT') ? page.body : undefined;
    });
    expect(invitations.total).toBe(conference.participants.length);
  });

  it('notifications killed during the fan-out loses nothing', async () => {
    stack.smtp.delayMs = 150;
    const { conference } = await callPeriodicConference(stack, { reporters: 40 });
    await eventually(() => stack.smtp.forConference(conference.id).length >= 5);
    await stack.stopService('notifications', 'SIGKILL');
    await stack.startService('notifications');
    await waitForInvitations(stack, conference.id, conference.participants.length, 90_000);
    // A crash between the mail server's acceptance and our record of it can resend that one message (at
    // least once); everything else goes exactly once.
    const perRecipient = countBy(invitationMails(stack, conference.id), (m) => m.envelopeTo.join(','));
    for (const participant of conference.participants) {
      expect(perRecipient.get(participant.email.toLowerCase())).toBeGreaterThanOrEqual(1);
    }
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    // At most the deliveries leased when the process died (one batch): each was sent at most once before it.
    expect(duplicates).toBeLessThanOrEqual(Number(process.env.MAIL_BATCH_SIZE ?? 20));
  });

  const ownBroker = process.env.KAFKA_TEST_PORT ? it : it.skip;
  ownBroker('the Kafka broker restarted right after a call', async () => {
    const { conference } = await callPeriodicConference(stack, { reporters: 5 });
    await stack.restartKafka(3000);
    await waitForInvitations(stack, conference.id, conference.participants.length, 120_000);
    expectExactlyOnce(stack, conference);
    const requests = await eventually(
      async () => {
        const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
        return page.status === 200 && page.body.total > 0 ? page.body : undefined;
      },
      60_000,
      500,
    );
    expect(requests.items.every((r) => r.status === 'OPEN')).toBe(true);

    // Calls and events work again too.
    const again = await callPeriodicConference(stack, { reporters: 1 });
    await waitForInvitations(stack, again.conference.id, again.conference.participants.length);
    expectExactlyOnce(stack, again.conference);
  });
});
