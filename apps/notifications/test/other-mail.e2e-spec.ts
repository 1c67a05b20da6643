import { randomUUID } from 'node:crypto';
import {
  AgencyView,
  BriefRequestView,
  ConferenceView,
  EventTypes,
  IncidentView,
  InvitationView,
  Page,
  ParticipantView,
} from '@pressconf/contracts';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import { countBy, invitationLinkOf, waitForInvitations } from '@pressconf/testing/support/conference';
import type { ReceivedMail } from '@pressconf/testing/support/smtp-sink';
import { formatDateTime } from '../src/rendering';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { publish } from './support/events';
import { anonymous, kindOf, mailsOf, recipientOf, rsvpLinkOf } from './support/mail';

const forRequest = (requestId: string) => (mail: ReceivedMail) =>
  (mail.parsed.text ?? '').includes(`/brief-requests/${requestId}/briefs`);

describe('other mail: brief requests, reminders, overdue notices, the briefing pack, alerts, urgent reminders', () => {
  let stack: Stack;
  let agencies: AgencyView[];
  let conference: ConferenceView;
  let mustBrief: ParticipantView;

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        REMINDER_SCAN_INTERVAL_MS: '500',
        URGENT_ACK_MINUTES: '0.1',
        HOST_ALERT_EMAILS: 'Trực ban Ban Chỉ đạo <trucban@daklak.example.vn>, canhbao@daklak.example.vn',
      },
    });
    ({ agencies, conference } = await callPeriodicConference(stack));
    await waitForInvitations(stack, conference.id, conference.participants.length);
    mustBrief = conference.participants.find((p) => p.mustBrief && p.role === 'INFORMATION_PROVIDER')!;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('asks each agency concerned for its written brief: what, by when, and where to send it', async () => {
    const briefing = conference.participants.filter((p) => p.mustBrief);
    expect(briefing.length).toBeGreaterThanOrEqual(2);
    const requests = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
      return page.body.total === new Set(briefing.map((p) => p.agencyId)).size ? page.body.items : undefined;
    });
    const mails = await eventually(() => {
      const found = mailsOf(stack, conference.id, 'BRIEF_REQUEST');
      return found.length >= briefing.length ? found : undefined;
    });
    expect(countBy(mails, recipientOf)).toEqual(new Map(briefing.map((p) => [p.email.toLowerCase(), 1])));
    for (const mail of mails) {
      const participant = briefing.find((p) => p.email.toLowerCase() === recipientOf(mail))!;
      const request = requests.find((r) => r.agencyId === participant.agencyId)!;
      expect(mail.parsed.subject).toBe(
        `Đề nghị cung cấp thông tin bằng văn bản: ${conference.title} – hạn ${formatDateTime(request.dueAt, 'vi')}`,
      );
      expect(mail.parsed.text).toContain(`Thời hạn gửi: trước ${formatDateTime(request.dueAt, 'vi')}.`);
      expect(mail.parsed.text).toContain('  - Đất đai');
      expect(mail.parsed.text).toContain(`${stack.baseUrl}/brief-requests/${request.id}/briefs`);
      expect(mail.parsed.text).toContain(`Kính gửi: Ông/Bà ${participant.contactName}`);
    }
  });

  it('reminds an agency before the due time, once, unless its brief came in', async () => {
    const dueAt = new Date(Date.now() + 10_000).toISOString();
    const owed = randomUUID();
    const submitted = randomUUID();
    for (const requestId of [owed, submitted]) {
      await publish(EventTypes.briefRequestOpened, conference.id, {
        requestId,
        conferenceId: conference.id,
        agencyId: mustBrief.agencyId,
        dueAt,
      });
    }
    await publish(EventTypes.briefSubmitted, conference.id, {
      requestId: submitted,
      briefId: randomUUID(),
      conferenceId: conference.id,
      agencyId: mustBrief.agencyId,
      version: 1,
    });
    // Less notice than BRIEF_REMINDER_HOURS_BEFORE (24 h): the reminder comes halfway, about 5 s after opening.
    const reminder = await eventually(
      () => mailsOf(stack, conference.id, 'BRIEF_REMINDER').find(forRequest(owed)),
      20_000,
    );
    expect(recipientOf(reminder)).toBe(mustBrief.email.toLowerCase());
    expect(reminder.parsed.subject).toMatch(/^\S/);
    expect(reminder.parsed.text).toContain('NHẮC HẠN CUNG CẤP THÔNG TIN');
    expect(reminder.parsed.text).toContain(`Thời hạn gửi: trước ${formatDateTime(dueAt, 'vi')}.`);

    await new Promise((resolve) => setTimeout(resolve, 6_000)); // past the due time: no more reminders
    const reminders = mailsOf(stack, conference.id, 'BRIEF_REMINDER');
    expect(reminders.filter(forRequest(owed))).toHaveLength(1);
    expect(reminders.filter(forRequest(submitted))).toHaveLength(0);
    expect(mailsOf(stack, conference.id, 'BRIEF_REQUEST').filter(forRequest(submitted))).toHaveLength(1);
  });

  it('tells an agency its brief is overdue', async () => {
    const { body } = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
    const request = body.items.find((r) => r.agencyId === mustBrief.agencyId)!;
    await publish(EventTypes.briefRequestOverdue, conference.id, {
      requestId: request.id,
      conferenceId: conference.id,
      agencyId: mustBrief.agencyId,
      dueAt: request.dueAt,
    });
    const notice = await eventually(() => mailsOf(stack, conference.id, 'BRIEF_OVERDUE').find(forRequest(request.id)));
    expect(recipientOf(notice)).toBe(mustBrief.email.toLowerCase());
    expect(notice.parsed.text).toContain('QUÁ HẠN CUNG CẤP THÔNG TIN');
    expect(notice.parsed.text).toContain(`Thời hạn gửi là ${formatDateTime(request.dueAt, 'vi')}`);
  });

  it('sends the briefing pack’s link to every participant and the press', async () => {
    await publish(EventTypes.briefingPackCompiled, conference.id, {
      conferenceId: conference.id,
      packId: randomUUID(),
      version: 1,
      briefIds: [],
    });
    const mails = await eventually(() => {
      const found = mailsOf(stack, conference.id, 'BRIEFING_PACK');
      return found.length >= conference.participants.length ? found : undefined;
    });
    expect(countBy(mails, recipientOf)).toEqual(
      new Map(conference.participants.map((p) => [p.email.toLowerCase(), 1])),
    );
    for (const mail of mails) {
      expect(mail.parsed.subject).toBe(`Tài liệu hội nghị: ${conference.title}`);
      expect(mail.parsed.text).toContain(`${stack.baseUrl}/conferences/${conference.id}/briefing-pack`);
      expect(mail.parsed.text).toContain(`từ ${formatDateTime(conference.startsAt, 'vi')}`);
    }
  });

  it('alerts the hosts when an incident’s 24 hours run out with no conference called', async () => {
    const detectedAt = new Date(Date.now() - 24 * 3600_000 - 60_000);
    const reported = await stack.api<IncidentView>('POST', '/incidents', {
      body: {
        title: 'Sự việc tranh chấp đất đai tại xã Ea Kao',
        description: 'Người dân tập trung đông người tại trụ sở xã.',
        occurredAt: new Date(detectedAt.getTime() - 3600_000).toISOString(),
        detectedAt: detectedAt.toISOString(),
        topics: ['Đất đai'],
        agencyIds: [],
      },
    });
    expect(reported.status).toBe(201);
    const incidentId = reported.body.id;
    const hosts = conference.participants.filter((p) =>
      ['CO_HOST', 'HUMAN_RIGHTS_STANDING_OFFICE', 'COORDINATOR'].includes(p.role),
    );
    const expected = [
      ...hosts.map((p) => p.email.toLowerCase()),
      'trucban@daklak.example.vn',
      'canhbao@daklak.example.vn',
    ];
    const alerts = await eventually(() => {
      const found = stack.smtp.received.filter((m) => m.parsed.headers.get('x-incident-id') === incidentId);
      return found.length >= expected.length ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(countBy(alerts, recipientOf)).toEqual(new Map(expected.map((email) => [email, 1])));
    for (const mail of alerts) {
      expect(kindOf(mail)).toBe('INCIDENT_DEADLINE_BREACHED');
      expect(mail.parsed.subject).toBe(
        '[Cảnh báo] Quá 24 giờ chưa triệu tập hội nghị đột xuất: Sự việc tranh chấp đất đai tại xã Ea Kao',
      );
      expect(mail.parsed.text).toContain(`Hạn triệu tập: ${formatDateTime(reported.body.conveneBy, 'vi')}.`);
      expect(mail.parsed.text).toContain(`${stack.baseUrl}/incidents/${incidentId}`);
    }
    const duty = alerts.find((m) => recipientOf(m) === 'trucban@daklak.example.vn')!;
    expect(duty.parsed.text).toContain('Kính gửi: Ông/Bà Trực ban Ban Chỉ đạo');
    const coordinator = hosts.find((p) => p.role === 'COORDINATOR')!;
    expect(alerts.find((m) => recipientOf(m) === coordinator.email.toLowerCase())!.parsed.text).toContain(
      `Kính gửi: Ông/Bà ${coordinator.contactName}`,
    );
  });

  it('reminds the silent invitees of an urgent call once, and shows the hosts who has answered', async () => {
    const provider = agencies.find((a) => a.code.startsWith('SNN-'))!;
    const incident = await stack.api<IncidentView>('POST', '/incidents', {
      body: {
        title: 'Sự việc khiếu kiện đông người',
        description: 'Cần thông tin kịp thời cho báo chí.',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        topics: ['Đất đai'],
        agencyIds: [provider.id],
      },
    });
    expect(incident.status).toBe(201);
    const startsAt = new Date(Math.ceil((Date.now() + 3 * 3600_000) / 60_000) * 60_000);
    const draft = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'EXTRAORDINARY',
        title: 'Hội nghị cung cấp thông tin cho báo chí đột xuất về sự việc khiếu kiện',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
        venue: 'Phòng họp trực tuyến UBND tỉnh',
        topics: ['Đất đai'],
        incidentId: incident.body.id,
      },
    });
    expect(draft.status).toBe(201);
    const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
    expect(called.status).toBe(200);
    const urgent = called.body;
    const invitations = await waitForInvitations(stack, urgent.id, urgent.participants.length);

    const answering = invitations[0];
    const answered = await anonymous(`${rsvpLinkOf(answering)}/rsvp`, { method: 'POST', body: { response: 'ACCEPT' } });
    expect(answered.status).toBe(200);

    const silent = urgent.participants.filter((p) => p.email.toLowerCase() !== recipientOf(answering));
    const reminders = await eventually(() => {
      const found = mailsOf(stack, urgent.id, 'INVITATION_URGENT_REMINDER');
      return found.length >= silent.length ? found : undefined;
    }, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // further scans send nothing more
    expect(countBy(mailsOf(stack, urgent.id, 'INVITATION_URGENT_REMINDER'), recipientOf)).toEqual(
      new Map(silent.map((p) => [p.email.toLowerCase(), 1])),
    );
    for (const mail of reminders) {
      expect(mail.parsed.subject).toMatch(/^\[Khẩn\] Nhắc lần hai – đề nghị xác nhận tham dự: /);
      expect(mail.parsed.text).toContain('Hội nghị được triệu tập đột xuất');
      expect(mail.parsed.text).toContain(invitationLinkOf(mail));
    }

    const pending = await stack.api<Page<InvitationView>>(
      'GET',
      `/conferences/${urgent.id}/invitations?rsvp=PENDING&pageSize=100`,
    );
    expect(pending.body.total).toBe(silent.length);
    expect(pending.body.items.every((i) => i.urgentReminderSentAt)).toBe(true);
    const accepted = await stack.api<Page<InvitationView>>('GET', `/conferences/${urgent.id}/invitations?rsvp=ACCEPT`);
    expect(accepted.body.items).toEqual([expect.objectContaining({ rsvp: 'ACCEPT', urgentReminderSentAt: null })]);

    // A periodic conference is no urgent call: its silent invitees got no second notice.
    expect(mailsOf(stack, conference.id, 'INVITATION_URGENT_REMINDER')).toEqual([]);
  });
});
