import type { AgencyView, ConferenceView } from '@pressconf/contracts';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import { countBy, invitationMails } from '@pressconf/testing/support/conference';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import type { ReceivedMail } from '@pressconf/testing/support/smtp-sink';
import { formatTimeRange } from '../src/rendering';
import { anonymous, mailsOf, recipientOf, rsvpLinkOf } from './support/mail';

/** 0.01 h: invitees are reminded 36 s before the start. */
const LEAD_MS = 36_000;
const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

describe('the invitees’ reminder before the start', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ env: { INVITEE_REMINDER_HOURS_BEFORE: '0.01', REMINDER_SCAN_INTERVAL_MS: '500' } });
    for (const agency of smallDirectory()) {
      expect((await stack.api<AgencyView>('POST', '/agencies', { body: agency })).status).toBe(201);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function call(startsInMs: number, title: string): Promise<ConferenceView> {
    const startsAt = new Date(Date.now() + startsInMs);
    const draft = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
        venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, 08 Lý Thường Kiệt, Buôn Ma Thuột',
        topics: ['Đất đai'],
      },
    });
    const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
    expect(called.status).toBe(200);
    return called.body;
  }

  const reminders = (conference: ConferenceView): ReceivedMail[] =>
    mailsOf(stack, conference.id, 'INVITATION_REMINDER');
  const oncePerInvitee = (invitees: Array<{ email: string }>) =>
    new Map(invitees.map((p) => [p.email.toLowerCase(), 1]));

  it('reminds who attends or has not answered once before the start, follows a reschedule, and not a cancellation', async () => {
    const held = await call(80_000, 'Hội nghị nhắc lịch: giữ nguyên thời gian');
    const moved = await call(80_000, 'Hội nghị nhắc lịch: dời lịch');
    const cancelled = await call(80_000, 'Hội nghị nhắc lịch: bị hủy');
    // Called 30 s before its start, less than the lead time: the invitation is reminder enough.
    const late = await call(30_000, 'Hội nghị nhắc lịch: triệu tập sát giờ');

    const newStart = new Date(Date.parse(moved.startsAt) + 50_000);
    const rescheduled = await stack.api<ConferenceView>('POST', `/conferences/${moved.id}/reschedule`, {
      body: {
        startsAt: newStart.toISOString(),
        endsAt: new Date(newStart.getTime() + 3600_000).toISOString(),
        reason: 'Trùng lịch họp',
      },
    });
    expect(rescheduled.status).toBe(200);
    expect((await stack.api('POST', `/conferences/${cancelled.id}/cancel`, { body: { reason: 'Hoãn' } })).status).toBe(
      200,
    );

    // One invitee declines, one accepts, the others stay silent.
    await eventually(() => invitationMails(stack, held.id).length >= held.participants.length, 60_000);
    const [declining, accepting] = invitationMails(stack, held.id);
    for (const [mail, response] of [
      [declining, 'DECLINE'],
      [accepting, 'ACCEPT'],
    ] as const) {
      const answer = await anonymous(`${rsvpLinkOf(mail)}/rsvp`, { method: 'POST', body: { response } });
      expect(answer.status).toBe(200);
    }

    const heldStart = Date.parse(held.startsAt);
    await sleepUntil(heldStart - LEAD_MS - 2_000);
    expect(reminders(held)).toEqual([]);
    await sleepUntil(heldStart);

    const reminded = held.participants.filter((p) => p.email.toLowerCase() !== recipientOf(declining));
    expect(countBy(reminders(held), recipientOf)).toEqual(oncePerInvitee(reminded));
    for (const mail of reminders(held)) expect(mail.parsed.date!.getTime()).toBeLessThan(heldStart);
    const toAccepting = reminders(held).find((m) => recipientOf(m) === recipientOf(accepting))!;
    expect(toAccepting.parsed.subject).toMatch(/^Nhắc lịch: Hội nghị nhắc lịch: giữ nguyên thời gian – /);
    expect(toAccepting.parsed.text).toContain('Ông/Bà đã xác nhận tham dự.');
    const toSilent = reminders(held).find(
      (m) => ![recipientOf(accepting), recipientOf(declining)].includes(recipientOf(m)),
    )!;
    expect(toSilent.parsed.text).toContain('Ông/Bà chưa xác nhận tham dự.');

    // The rescheduled one was not reminded at its first time, and the cancelled and the late one never are.
    expect(reminders(moved)).toEqual([]);
    await sleepUntil(newStart.getTime());
    expect(countBy(reminders(moved), recipientOf)).toEqual(oncePerInvitee(moved.participants));
    expect(reminders(moved)[0].parsed.text).toContain(
      formatTimeRange(newStart, new Date(newStart.getTime() + 3600_000), 'vi'),
    );
    for (const mail of reminders(moved)) expect(mail.parsed.date!.getTime()).toBeLessThan(newStart.getTime());
    expect(reminders(cancelled)).toEqual([]);
    expect(reminders(late)).toEqual([]);
  });
});
