import { randomUUID } from 'node:crypto';
import {
  AgencyEventData,
  AgencyView,
  BriefRequestView,
  DeliveryView,
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
import { handledByNotifications, publish } from './support/events';
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

  it('writes to the People’s Committee about a forwarded obstacle report, and tells the agency each step and its offer’s fate', async () => {
    const suffix = randomUUID().slice(0, 8);
    const agencyEvent = (over: Partial<AgencyEventData>): AgencyEventData => ({
      agencyId: randomUUID(),
      code: `SO${suffix}`.toUpperCase(),
      name: 'Sở Nông nghiệp và Môi trường',
      kind: 'DEPARTMENT',
      roles: ['INFORMATION_PROVIDER'],
      fields: [],
      contacts: [],
      validFrom: '2026-01-01T00:00:00+07:00',
      validTo: null,
      ...over,
    });
    const contact = (name: string, email: string) => ({
      name,
      email,
      spokesperson: true,
      locale: 'vi' as const,
      fields: [],
    });
    const leadership = agencyEvent({
      code: `UB${suffix}`.toUpperCase(),
      name: 'Ủy ban nhân dân tỉnh',
      kind: 'PEOPLES_COMMITTEE',
      roles: ['PROVINCIAL_LEADERSHIP'],
      contacts: [contact('Lê Văn Cường', `pct-${suffix}@ubnd.example.vn`)],
    });
    const agency = agencyEvent({ contacts: [contact('Cũ', `cu-${suffix}@snn.example.vn`)] });
    const registryEvents = [
      await publish(EventTypes.agencyRegistered, leadership.agencyId, leadership),
      await publish(EventTypes.agencyRegistered, agency.agencyId, agency),
    ];
    // The whole agency replaces what was held: the old contact no longer receives anything.
    const agencyNow = { ...agency, contacts: [contact('Trần Thị Bình', `binh-${suffix}@snn.example.vn`)] };
    registryEvents.push(await publish(EventTypes.agencyChanged, agency.agencyId, agencyNow));
    // Topics keep no order between them: the registry copy is up to date before the agency reports (as it would be).
    const query = (sql: string, params: unknown[]) => stack.query(sql, params);
    for (const event of registryEvents) {
      await eventually(async () => ((await handledByNotifications(query, event.id)) ? true : undefined), 60_000);
    }

    const reportId = randomUUID();
    const report = {
      reportId,
      agencyId: agency.agencyId,
      conferenceId: null,
      title: 'Chậm nhận số liệu thiệt hại do hạn hán',
      description: 'Các huyện chưa gửi số liệu thiệt hại, Sở chưa thể chuẩn bị nội dung cung cấp cho báo chí.',
      proposal: 'Đề nghị UBND tỉnh chỉ đạo các huyện gửi số liệu trước ngày 20/3.',
      reportedAt: new Date().toISOString(),
      note: null,
      resolution: null,
    };
    const note = 'Kính trình UBND tỉnh chỉ đạo các huyện phối hợp.';
    const resolution = 'UBND tỉnh đã có Công văn số 123/UBND-TH chỉ đạo các huyện.';
    await publish(EventTypes.obstacleReported, reportId, { ...report, status: 'OPEN' });
    await publish(EventTypes.obstacleForwarded, reportId, { ...report, status: 'FORWARDED', note });
    const offerId = randomUUID();
    await publish(EventTypes.informationOfferDecided, offerId, {
      offerId,
      agencyId: agency.agencyId,
      title: 'Dịch tả lợn châu Phi tại huyện Krông Pắc',
      summary: 'Phát hiện ổ dịch mới.',
      topics: ['Dịch bệnh'],
      urgent: true,
      status: 'CALLED_EXTRAORDINARY',
      offeredAt: new Date(Date.now() - 3600_000).toISOString(),
      decision: 'CALL_EXTRAORDINARY',
      decidedAt: new Date().toISOString(),
      comment: 'Triệu tập họp báo đột xuất.',
    });

    const to = (email: string) => stack.smtp.received.filter((m) => recipientOf(m) === email);
    const leader = `pct-${suffix}@ubnd.example.vn`;
    const binh = `binh-${suffix}@snn.example.vn`;
    const [toLeader] = await eventually(() => (to(leader).length >= 1 ? to(leader) : undefined), 60_000);
    expect(kindOf(toLeader)).toBe('OBSTACLE_REPORT_TO_LEADERSHIP');
    expect(toLeader.parsed.subject).toBe(
      '[Trình Ủy ban nhân dân tỉnh] Khó khăn, vướng mắc của Sở Nông nghiệp và Môi trường: Chậm nhận số liệu thiệt hại do hạn hán',
    );
    expect(toLeader.parsed.text).toContain('Kính gửi: Ông/Bà Lê Văn Cường – Ủy ban nhân dân tỉnh.');
    expect(toLeader.parsed.text).toContain(
      'Cơ quan đầu mối kính trình Ủy ban nhân dân tỉnh xem xét, chỉ đạo giải quyết',
    );
    expect(toLeader.parsed.text).toContain(report.description);
    expect(toLeader.parsed.text).toContain(`Đề xuất, kiến nghị:\n${report.proposal}`);
    expect(toLeader.parsed.text).toContain(`Ý kiến của cơ quan đầu mối: ${note}`);
    expect(toLeader.parsed.text).toContain(`Thời điểm báo cáo: ${formatDateTime(report.reportedAt, 'vi')}`);
    expect(toLeader.parsed.html).toContain('Báo cáo khó khăn, vướng mắc trong thực hiện Kế hoạch họp báo');

    await publish(EventTypes.obstacleResolved, reportId, { ...report, status: 'RESOLVED', note, resolution });
    const agencyMail = await eventually(() => (to(binh).length >= 4 ? to(binh) : undefined));
    const byKind = new Map(agencyMail.map((m) => [kindOf(m), m]));
    expect([...byKind.keys()].sort()).toEqual([
      'INFORMATION_OFFER_DECIDED',
      'OBSTACLE_REPORT_FORWARDED',
      'OBSTACLE_REPORT_RECEIVED',
      'OBSTACLE_REPORT_RESOLVED',
    ]);
    expect(byKind.get('OBSTACLE_REPORT_RECEIVED')!.parsed.subject).toBe(
      'Xác nhận đã tiếp nhận báo cáo khó khăn, vướng mắc: Chậm nhận số liệu thiệt hại do hạn hán',
    );
    expect(byKind.get('OBSTACLE_REPORT_RECEIVED')!.parsed.text).toContain(
      'Kính gửi: Ông/Bà Trần Thị Bình – Sở Nông nghiệp và Môi trường.',
    );
    expect(byKind.get('OBSTACLE_REPORT_FORWARDED')!.parsed.text).toContain(
      'đã được trình Ủy ban nhân dân tỉnh xem xét',
    );
    expect(byKind.get('OBSTACLE_REPORT_RESOLVED')!.parsed.text).toContain(`Kết quả xử lý: ${resolution}`);
    const decided = byKind.get('INFORMATION_OFFER_DECIDED')!;
    expect(decided.parsed.subject).toBe(
      'Triệu tập hội nghị đột xuất về thông tin đề xuất: Dịch tả lợn châu Phi tại huyện Krông Pắc',
    );
    expect(decided.parsed.text).toContain(
      'triệu tập hội nghị cung cấp thông tin cho báo chí đột xuất về nội dung này trong vòng 24 giờ',
    );
    expect(decided.parsed.text).toContain('Ý kiến của cơ quan đầu mối: Triệu tập họp báo đột xuất.');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(to(`cu-${suffix}@snn.example.vn`)).toEqual([]);
    expect(to(leader)).toHaveLength(1);

    const listed = await stack.api<Page<DeliveryView>>(
      'GET',
      `/deliveries?kind=OBSTACLE_REPORT_TO_LEADERSHIP&recipient=${leader}`,
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        status: 'SENT',
        obstacleReportId: reportId,
        conferenceId: null,
        agencyName: 'Ủy ban nhân dân tỉnh',
      }),
    ]);
  });
});
