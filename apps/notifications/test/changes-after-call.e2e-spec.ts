import type { AgencyView, BriefRequestView, ConferenceView, InvitationView, Page, Problem } from '@pressconf/contracts';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import {
  callPeriodicConference,
  countBy,
  invitationLinkOf,
  waitForInvitations,
} from '@pressconf/testing/support/conference';
import type { ReceivedMail } from '@pressconf/testing/support/smtp-sink';
import { formatDateTime } from '../src/rendering';
import { anonymous, calendarOf, mailsOf, pdfTextOf, quietPeriod, recipientOf, rsvpLinkOf } from './support/mail';

const MINUTE = 60_000;

/** Mail of one kind about the conference, once `count` of them arrived and a little longer to catch duplicates. */
async function settled(stack: Stack, conferenceId: string, kind: string, count: number): Promise<ReceivedMail[]> {
  await eventually(() => mailsOf(stack, conferenceId, kind).length >= count, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return mailsOf(stack, conferenceId, kind);
}

describe('changes after the call reach the invitees concerned, once', () => {
  let stack: Stack;
  let agencies: AgencyView[];
  let conference: ConferenceView;
  const agency = (prefix: string) => agencies.find((a) => a.code.startsWith(`${prefix}-`))!;

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        REMINDER_SCAN_INTERVAL_MS: '500',
        OVERDUE_WATCH_INTERVAL_MS: '1000',
        BRIEF_REMINDER_HOURS_BEFORE: '0.005',
      },
    });
    ({ agencies, conference } = await callPeriodicConference(stack));
    await waitForInvitations(stack, conference.id, conference.participants.length);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('sends the new agenda to each invitee once, and shows it in the calendar, the page and the letter', async () => {
    const invitation = mailsOf(stack, conference.id, 'INVITATION')[0];
    const changed = await stack.api<ConferenceView>('PUT', `/conferences/${conference.id}/agenda`, {
      body: {
        items: [
          { title: 'Khai mạc, giới thiệu đại biểu', presenterName: 'Chủ trì hội nghị', durationMinutes: 10 },
          { title: 'Thông tin về tình hình đất đai', presenterAgencyId: agency('SNN').id, durationMinutes: 30 },
        ],
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.sequence).toBe(conference.sequence + 1);

    const mails = await settled(stack, conference.id, 'INVITATION_AGENDA_CHANGED', conference.participants.length);
    expect(countBy(mails, recipientOf)).toEqual(
      new Map(conference.participants.map((p) => [p.email.toLowerCase(), 1])),
    );
    const mail = mails[0];
    expect(mail.parsed.subject).toMatch(/^Thay đổi chương trình: /);
    expect(mail.parsed.text).toContain(
      '  - Thông tin về tình hình đất đai – Đỗ Thị Lan, Phó Giám đốc, Sở Nông nghiệp và Môi trường (30 phút)',
    );
    // The same calendar event, updated: same UID, higher SEQUENCE, the agenda in its description.
    const calendar = calendarOf(mail);
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.event.uid).toBe(calendarOf(invitation).event.uid);
    expect(calendar.raw).toContain(`SEQUENCE:${changed.body.sequence}`);
    expect(calendar.event.description).toContain('- 09:10 Thông tin về tình hình đất đai – Đỗ Thị Lan');

    const page = await anonymous(invitationLinkOf(mail));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<dt>Chương trình</dt>');
    expect(page.text).toContain('<span class="agenda__time">09:10</span> Thông tin về tình hình đất đai');
    const letter = await fetch(`${rsvpLinkOf(mail)}/letter.pdf`);
    expect(letter.status).toBe(200);
    const text = await pdfTextOf(Buffer.from(await letter.arrayBuffer()));
    expect(text).toContain('Chương trình:');
    expect(text).toContain('Thông tin về tình hình đất đai');

    // The same agenda again is no change: nothing is announced, nobody is told twice.
    const again = await stack.api<ConferenceView>('PUT', `/conferences/${conference.id}/agenda`, {
      body: {
        items: [
          { title: 'Khai mạc, giới thiệu đại biểu', presenterName: 'Chủ trì hội nghị', durationMinutes: 10 },
          { title: 'Thông tin về tình hình đất đai', presenterAgencyId: agency('SNN').id, durationMinutes: 30 },
        ],
      },
    });
    expect(again.body.sequence).toBe(changed.body.sequence);
    const later = await quietPeriod(stack, conference.id, 3000);
    expect(later.filter((m) => m.parsed.headers.get('x-notification-kind') === 'INVITATION_AGENDA_CHANGED')).toEqual(
      [],
    );
  });

  it('invites an added agency and tells a removed one, and nobody else', async () => {
    const before = stack.smtp.forConference(conference.id).length;
    const syt = agency('SYT');
    const snn = conference.participants.find((p) => p.agencyId === agency('SNN').id)!;
    const added = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: syt.id },
    });
    expect(added.status).toBe(200);
    const newcomer = added.body.participants.find((p) => p.agencyId === syt.id)!;
    expect(newcomer).toMatchObject({
      contactName: 'Vũ Văn Khoa',
      rsvp: 'PENDING',
      reason: 'added by an administrator',
    });
    const removed = await stack.api<ConferenceView>('DELETE', `/conferences/${conference.id}/invitees/${snn.agencyId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.participants.map((p) => p.agencyId)).not.toContain(snn.agencyId);
    expect(removed.body.sequence).toBe(added.body.sequence + 1);

    const invited = await eventually(() =>
      mailsOf(stack, conference.id, 'INVITATION').find((m) => recipientOf(m) === newcomer.email.toLowerCase()),
    );
    expect(invited.parsed.subject).toMatch(/^Giấy mời: /);
    expect(invited.parsed.attachments.map((a) => a.contentType)).toContain('application/pdf');
    expect(calendarOf(invited).method).toBe('REQUEST');
    const [withdrawn] = await settled(stack, conference.id, 'INVITATION_WITHDRAWN', 1);
    expect(recipientOf(withdrawn)).toBe(snn.email.toLowerCase());
    expect(withdrawn.parsed.text).toContain('Ông/Bà không còn trong danh sách khách mời');
    const cancel = calendarOf(withdrawn);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.raw).toContain(`SEQUENCE:${removed.body.sequence}`);

    // The added agency must brief: it is asked for its brief after the call too; the removed one owes nothing more.
    expect(newcomer.mustBrief).toBe(true);
    const requestOf = async (agencyId: string, status: BriefRequestView['status']) =>
      eventually(async () => {
        const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
        return page.body.items.find((r) => r.agencyId === agencyId && r.status === status);
      });
    const sytRequest = await requestOf(syt.id, 'OPEN');
    expect((await requestOf(snn.agencyId, 'CLOSED')).closedReason).toBe('INVITATION_WITHDRAWN');
    const askedOf = (email: string) =>
      mailsOf(stack, conference.id, 'BRIEF_REQUEST').filter((m) => recipientOf(m) === email.toLowerCase());
    const [asked] = await eventually(() => (askedOf(newcomer.email).length > 0 ? askedOf(newcomer.email) : undefined));
    expect(asked.parsed.subject).toBe(
      `Đề nghị cung cấp thông tin bằng văn bản: ${conference.title} – hạn ${formatDateTime(sytRequest.dueAt, 'vi')}`,
    );
    expect(asked.parsed.text).toContain(`${stack.baseUrl}/brief-requests/${sytRequest.id}/briefs`);
    await quietPeriod(stack, conference.id, 1500);

    // Only the two concerned heard of it.
    const since = stack.smtp.forConference(conference.id).slice(before);
    expect(since.map(recipientOf).sort()).toEqual(
      [newcomer.email, newcomer.email, snn.email].map((email) => email.toLowerCase()).sort(),
    );

    // The removed invitee's link no longer takes an answer, nor gives a letter.
    const snnInvitation = mailsOf(stack, conference.id, 'INVITATION').find(
      (m) => recipientOf(m) === recipientOf(withdrawn),
    );
    const snnLink = rsvpLinkOf(snnInvitation!);
    const answer = await anonymous<Problem>(`${snnLink}/rsvp`, { method: 'POST', body: { response: 'ACCEPT' } });
    expect(answer.status).toBe(409);
    expect((await fetch(`${snnLink}/letter.pdf`)).status).toBe(409);
    const page = await anonymous(invitationLinkOf(snnInvitation!));
    expect(page.text).toContain('không còn trong danh sách khách mời');
    expect(page.text).not.toMatch(/<button/);

    const list = await stack.api<Page<InvitationView>>('GET', `/conferences/${conference.id}/invitations?pageSize=100`);
    expect(list.body.items.find((i) => i.inviteeId === snn.inviteeId)).toMatchObject({
      notice: 'INVITATION_WITHDRAWN',
    });

    // Invited again, the agency is asked again on the same request, once more.
    const readded = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: snn.agencyId },
    });
    expect(readded.status).toBe(200);
    const reopened = await requestOf(snn.agencyId, 'OPEN');
    expect(reopened.closedReason).toBeUndefined();
    await eventually(() => askedOf(snn.email).length >= 2);
    await quietPeriod(stack, conference.id, 1500);
    expect(askedOf(snn.email)).toHaveLength(2);
  });

  it('refuses to add, after the call, an agency none of whose contacts can be reached', async () => {
    const mute = await stack.api<AgencyView>('POST', '/agencies', {
      body: {
        code: `KP-${Date.now()}`,
        name: 'UBND huyện Krông Pắc',
        kind: 'LOCAL_COMMITTEE',
        roles: ['INFORMATION_PROVIDER'],
        fields: [],
        contacts: [],
      },
    });
    const refused = await stack.api<Problem>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: mute.body.id },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/^The agency cannot be invited: no contact with an e-mail address/);
  });

  it('tells an agency the new due time of its brief when a reschedule moves it; its reminder and overdue notice follow', async () => {
    const startsAt = new Date(Date.now() + 2 * 3600_000);
    const dueAt = new Date(Date.now() + 10 * MINUTE);
    const draft = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin về công tác quản lý đất đai',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch',
        topics: ['Đất đai'],
        briefsDueAt: dueAt.toISOString(),
      },
    });
    const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
    expect(called.status).toBe(200);
    const briefing = called.body.participants.filter((p) => p.mustBrief);
    await settled(stack, called.body.id, 'BRIEF_REQUEST', briefing.length);

    // Nine minutes earlier: the briefs are now due in about a minute, reminded 18 s before (0.005 h).
    const shift = -9 * MINUTE;
    const rescheduled = await stack.api<ConferenceView>('POST', `/conferences/${called.body.id}/reschedule`, {
      body: {
        startsAt: new Date(startsAt.getTime() + shift).toISOString(),
        endsAt: new Date(startsAt.getTime() + shift + 2 * 3600_000).toISOString(),
        reason: 'Lãnh đạo tỉnh đề nghị tổ chức sớm hơn',
      },
    });
    expect(rescheduled.status).toBe(200);
    const newDue = new Date(dueAt.getTime() + shift);
    await eventually(async () => {
      const requests = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${called.body.id}/brief-requests`);
      return requests.body.items.every((r) => r.dueAt === newDue.toISOString());
    });

    const notices = await settled(stack, called.body.id, 'BRIEF_DUE_MOVED', briefing.length);
    expect(countBy(notices, recipientOf)).toEqual(new Map(briefing.map((p) => [p.email.toLowerCase(), 1])));
    expect(notices[0].parsed.subject).toBe(
      `Thay đổi thời hạn cung cấp thông tin: ${called.body.title} – hạn mới ${formatDateTime(newDue, 'vi')}`,
    );
    expect(notices[0].parsed.text).toContain(`Thời hạn cũ: ${formatDateTime(dueAt, 'vi')}`);
    expect(notices[0].parsed.text).toContain(`Thời hạn mới: trước ${formatDateTime(newDue, 'vi')}`);

    // The first due time would have been reminded in ten minutes: the reminder comes for the new one instead.
    const reminders = await eventually(() => {
      const found = mailsOf(stack, called.body.id, 'BRIEF_REMINDER');
      return found.length >= briefing.length ? found : undefined;
    }, 90_000);
    expect(reminders[0].parsed.text).toContain(`Thời hạn gửi: trước ${formatDateTime(newDue, 'vi')}.`);
    const overdue = await eventually(() => {
      const found = mailsOf(stack, called.body.id, 'BRIEF_OVERDUE');
      return found.length >= briefing.length ? found : undefined;
    }, 90_000);
    expect(overdue[0].parsed.text).toContain(`Thời hạn gửi là ${formatDateTime(newDue, 'vi')}`);
    expect(countBy(mailsOf(stack, called.body.id, 'BRIEF_REMINDER'), recipientOf)).toEqual(
      new Map(briefing.map((p) => [p.email.toLowerCase(), 1])),
    );
  });
});
