import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { EventHeaders, EventTypes, TOPIC_OF_EVENT } from '@pressconf/contracts';
import type { ActivityReport, AgencyView, EventDataMap, EventType, InviteeData, Problem } from '@pressconf/contracts';
import { ROOT, Stack, eventually } from './support/stack';
import { callPeriodicConference, invitationLinkOf, waitForInvitations } from './support/conference';

/**
 * A past month (September 2026, Asia/Ho_Chi_Minh) run through the report: its facts are published on the topics as
 * their services would have (times in the past cannot be made through the API), while the registry, the invitations'
 * delivery (a real mail server refusing one address) and a live conference's answers go through the real services.
 */
const ARTIFACTS = join(ROOT, 'test-artifacts/activity-report');
const SEPTEMBER = { from: '2026-09-01T00:00:00+07:00', to: '2026-10-01T00:00:00+07:00' };
const vn = (dayTime: string) => `2026-09-${dayTime}:00+07:00`;
const readable = (text: string) => text.normalize('NFC');

let stack: Stack;
const producer = new Kafka({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
  logLevel: logLevel.NOTHING,
}).producer();

async function publish<T extends EventType>(type: T, subject: string, occurredAt: string, data: EventDataMap[T]) {
  const envelope = {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt,
    source: 'e2e',
    subject,
    correlationId: randomUUID(),
    data,
  };
  await producer.send({
    topic: TOPIC_OF_EVENT[type],
    messages: [
      {
        key: subject,
        value: JSON.stringify(envelope),
        headers: { [EventHeaders.id]: envelope.id, [EventHeaders.type]: type },
      },
    ],
  });
}

const report = (query: string, accept = 'application/json') =>
  fetch(`${stack.baseUrl}/reports/activity?${query}`, { headers: { 'X-API-Key': stack.adminKey, Accept: accept } });
const september = `from=${encodeURIComponent(SEPTEMBER.from)}&to=${encodeURIComponent(SEPTEMBER.to)}`;

describe('GET /reports/activity', () => {
  let byName: Record<'CA' | 'SYT' | 'SNN' | 'BAO', AgencyView>;
  let live: Awaited<ReturnType<typeof callPeriodicConference>>;

  beforeAll(async () => {
    stack = await Stack.start();
    stack.smtp.rejectRecipients = /^khong-ton-tai/;
    await producer.connect();
    live = await callPeriodicConference(stack);
    const find = (name: string) => live.agencies.find((a) => a.name.startsWith(name)) as AgencyView;
    byName = { CA: find('Công an'), SYT: find('Sở Y tế'), SNN: find('Sở Nông nghiệp'), BAO: find('Báo và Phát thanh') };
  }, 180_000);

  afterAll(async () => {
    await producer.disconnect();
    await stack?.stop();
  });

  /** An invitee as scheduling's call names it; no brief owed, so submissions opens no request of its own. */
  const invitee = (agency: AgencyView, email = agency.contacts[0].email): InviteeData => ({
    inviteeId: randomUUID(),
    mustBrief: false,
    agencyId: agency.id,
    agencyName: agency.name,
    role: agency.roles[0],
    contactName: agency.contacts[0].name,
    email,
  });

  async function publishSeptember() {
    const conference = (
      kind: 'PERIODIC' | 'EXTRAORDINARY',
      startsAt: string,
      invitees: InviteeData[],
      incidentId?: string,
    ) => ({
      conferenceId: randomUUID(),
      kind,
      title:
        kind === 'PERIODIC' ? 'Hội nghị giao ban báo chí định kỳ tháng 9/2026' : 'Hội nghị cung cấp thông tin đột xuất',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
      venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch',
      topics: ['Nhân quyền'],
      sequence: 0,
      invitees,
      ...(incidentId ? { incidentId } : {}),
    });
    const { CA, SYT, SNN, BAO } = byName;
    const p1 = conference('PERIODIC', vn('15T09:00'), [invitee(CA), invitee(SYT), invitee(SNN), invitee(BAO)]);
    const badAddress = `khong-ton-tai.${randomUUID().slice(0, 6)}@daklak.example.vn`;
    const p2 = conference('PERIODIC', vn('25T09:00'), [invitee(CA), invitee(SYT, badAddress), invitee(BAO)]);
    const p3 = conference('PERIODIC', vn('20T09:00'), [invitee(SNN)]);
    const kept = randomUUID();
    const breached = randomUUID();
    const x1 = conference('EXTRAORDINARY', vn('05T15:00'), [invitee(CA)], kept);

    const incident = (incidentId: string, title: string, conveneBy: string) =>
      publish(EventTypes.incidentReported, incidentId, conveneBy, {
        incidentId,
        title,
        topics: [],
        agencyIds: [CA.id],
        conveneBy,
      });
    await incident(kept, 'Tụ tập đông người tại xã Ea Súp', vn('06T08:00'));
    await incident(breached, 'Sạt lở đất tại huyện Krông Bông', vn('21T09:00'));
    await publish(EventTypes.conferenceCalled, x1.conferenceId, vn('05T10:30'), x1);
    await publish(EventTypes.conferenceCalled, p1.conferenceId, vn('01T09:00'), p1);
    await publish(EventTypes.conferenceCalled, p2.conferenceId, vn('10T09:00'), p2);
    await publish(EventTypes.conferenceCalled, p3.conferenceId, vn('10T09:00'), p3);
    await publish(EventTypes.conferenceRescheduled, p2.conferenceId, vn('20T09:00'), {
      conferenceId: p2.conferenceId,
      sequence: 1,
      startsAt: vn('28T09:00'),
      endsAt: vn('28T11:00'),
      previousStartsAt: vn('25T09:00'),
      reason: 'Trùng lịch',
    });
    await publish(EventTypes.conferenceCancelled, p3.conferenceId, vn('12T09:00'), {
      conferenceId: p3.conferenceId,
      sequence: 1,
      reason: 'Không đủ nội dung',
    });

    const answer = (conf: typeof p1, index: number, response: 'ACCEPT' | 'DECLINE' | 'DELEGATE') =>
      publish(EventTypes.rsvpReceived, conf.conferenceId, vn('03T10:00'), {
        conferenceId: conf.conferenceId,
        inviteeId: conf.invitees[index].inviteeId,
        response,
        ...(response === 'DELEGATE' ? { delegateName: 'Trần Văn Bình', delegateTitle: 'Phó Giám đốc' } : {}),
      });
    await answer(p1, 0, 'ACCEPT');
    await answer(p1, 1, 'DECLINE');
    await answer(p1, 2, 'DELEGATE');
    await answer(p1, 3, 'ACCEPT');
    await answer(x1, 0, 'ACCEPT');

    const request = async (agency: AgencyView, conf: typeof p1, dueAt: string, submittedAt?: string) => {
      const requestId = randomUUID();
      await publish(EventTypes.briefRequestOpened, conf.conferenceId, vn('01T09:05'), {
        requestId,
        conferenceId: conf.conferenceId,
        agencyId: agency.id,
        dueAt,
      });
      const brief = {
        requestId,
        briefId: randomUUID(),
        conferenceId: conf.conferenceId,
        agencyId: agency.id,
        version: 1,
      };
      if (submittedAt) await publish(EventTypes.briefSubmitted, conf.conferenceId, submittedAt, brief);
      return brief;
    };
    const onTime = await request(CA, p1, vn('12T17:00'), vn('11T10:00'));
    await publish(EventTypes.briefReviewed, p1.conferenceId, vn('11T15:00'), {
      ...onTime,
      decision: 'RETURN',
      comment: 'Bổ sung số liệu',
    });
    await request(SYT, p1, vn('12T17:00'), vn('13T10:00'));
    await request(SNN, p1, vn('12T17:00'));
    const moved = await request(CA, p2, vn('23T17:00'));
    await publish(EventTypes.briefRequestDueMoved, p2.conferenceId, vn('20T09:00'), {
      requestId: moved.requestId,
      conferenceId: p2.conferenceId,
      agencyId: CA.id,
      dueAt: vn('26T17:00'),
      previousDueAt: vn('23T17:00'),
      status: 'OPEN',
    });
    await publish(EventTypes.briefSubmitted, p2.conferenceId, vn('26T10:00'), moved);

    const obstacle = async (reportedAt: string, ...statuses: Array<'OPEN' | 'FORWARDED' | 'RESOLVED'>) => {
      const reportId = randomUUID();
      const types = {
        OPEN: EventTypes.obstacleReported,
        FORWARDED: EventTypes.obstacleForwarded,
        RESOLVED: EventTypes.obstacleResolved,
      } as const;
      for (const status of statuses) {
        await publish(types[status], reportId, reportedAt, {
          reportId,
          agencyId: SYT.id,
          title: 'Thiếu kinh phí',
          description: 'Chưa có kinh phí in tài liệu.',
          status,
          reportedAt,
        });
      }
    };
    await obstacle(vn('08T08:00'), 'OPEN', 'FORWARDED');
    await obstacle(vn('10T08:00'), 'OPEN', 'FORWARDED', 'RESOLVED');
    await obstacle(vn('22T08:00'), 'OPEN');
    const offer = async (offeredAt: string, status?: 'INCLUDED' | 'DECLINED') => {
      const data = {
        offerId: randomUUID(),
        agencyId: SNN.id,
        title: 'Mùa vụ cà phê',
        summary: 'Sản lượng cà phê niên vụ mới.',
        topics: [],
        urgent: false,
        status: 'OFFERED' as const,
        offeredAt,
      };
      await publish(EventTypes.informationOffered, data.offerId, offeredAt, data);
      if (status) {
        const decision = status === 'INCLUDED' ? 'INCLUDE' : 'DECLINE';
        await publish(EventTypes.informationOfferDecided, data.offerId, offeredAt, {
          ...data,
          status,
          decision,
          decidedAt: offeredAt,
        });
      }
    };
    await offer(vn('03T08:00'));
    await offer(vn('04T08:00'), 'DECLINED');
    await offer(vn('09T08:00'), 'INCLUDED');
  }

  const EXPECTED_AGENCIES = [
    ['Báo và Phát thanh', true, [0, 0, 0, 0, 0, 0], [2, 2, 0, 1, 0, 0, 1]],
    ['Công an', false, [2, 2, 0, 0, 0, 1], [3, 3, 0, 2, 0, 0, 1]],
    ['Sở Nông nghiệp', false, [1, 0, 0, 1, 0, 0], [1, 1, 0, 0, 0, 1, 0]],
    ['Sở Y tế', false, [1, 0, 1, 0, 0, 0], [2, 1, 1, 0, 1, 0, 0]],
  ] as const;

  it('counts a month of conferences, incidents, briefs, answers, obstacle reports and offers', async () => {
    await publishSeptember();
    let body: ActivityReport | undefined;
    // Invitations are delivered (or refused) by notifications; the figures settle when every fact has arrived.
    await eventually(async () => {
      body = (await (await report(september)).json()) as ActivityReport;
      const all = body.invitations.agencies;
      return (
        body.informationOffers.included === 1 &&
        all.delivered + all.failed === 6 &&
        body.invitations.press.delivered === 2
      );
    }, 90_000);
    const figures = body as ActivityReport;
    expect(figures.period).toEqual(SEPTEMBER);
    expect(figures.conferences).toEqual({
      held: 3,
      heldPeriodic: 2,
      heldExtraordinary: 1,
      byMonth: [{ month: '2026-09', periodic: 2, extraordinary: 1 }],
      cancelled: 1,
      rescheduled: 1,
    });
    expect(figures.incidents).toMatchObject({ detected: 2, kept: 1, breached: 1, open: 0 });
    expect(figures.incidents.items).toEqual([
      expect.objectContaining({
        title: 'Tụ tập đông người tại xã Ea Súp',
        detectedAt: vn('05T08:00'),
        conveneBy: vn('06T08:00'),
        calledAt: vn('05T10:30'),
        startsAt: vn('05T15:00'),
        hoursToCall: 2.5,
        hoursToStart: 7,
        outcome: 'KEPT',
      }),
      expect.objectContaining({
        title: 'Sạt lở đất tại huyện Krông Bông',
        detectedAt: vn('20T09:00'),
        calledAt: null,
        hoursToCall: null,
        hoursToStart: null,
        outcome: 'BREACHED',
      }),
    ]);
    expect(figures.agencies).toHaveLength(4);
    EXPECTED_AGENCIES.forEach(([name, press, briefs, invitations], i) => {
      const row = figures.agencies[i];
      expect(row.agencyName.startsWith(name)).toBe(true);
      expect(row.press).toBe(press);
      expect(Object.values(row.briefs)).toEqual(briefs);
      expect(Object.values(row.invitations)).toEqual(invitations);
    });
    expect(figures.invitations).toEqual({
      agencies: { invited: 6, delivered: 5, failed: 1, accepted: 2, declined: 1, delegated: 1, silent: 1 },
      press: { invited: 2, delivered: 2, failed: 0, accepted: 1, declined: 0, delegated: 0, silent: 1 },
    });
    expect(figures.obstacleReports).toEqual({ total: 3, open: 1, forwarded: 1, resolved: 1 });
    expect(figures.informationOffers).toEqual({
      total: 3,
      offered: 1,
      included: 1,
      calledExtraordinary: 0,
      declined: 1,
    });
  }, 150_000);

  it('gives the per-agency table as CSV with a BOM', async () => {
    const answer = await report(september, 'text/csv');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await answer.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Cơ quan,Báo chí,Văn bản được đề nghị,Nộp đúng hạn,Nộp muộn,Không nộp,/);
    expect(lines).toHaveLength(5);
    EXPECTED_AGENCIES.forEach(([name, press, briefs, invitations], i) => {
      const cells = lines[i + 1].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      expect(cells[0].replace(/^"|"$/g, '').startsWith(name)).toBe(true);
      expect(cells.slice(1, 15)).toEqual([press ? 'Có' : 'Không', ...[...briefs, ...invitations].map(String)]);
    });
  });

  it('gives the report to the People’s Committee as a PDF with its figures in words and tables, pages as PNG', async () => {
    const answer = await report(september, 'application/pdf');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await answer.arrayBuffer());
    const text = readable((await pdfParse(pdf)).text.replace(/\s+/g, ' '));
    for (const words of [
      'UBND TỈNH ĐẮK LẮK',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      'Kết quả tổ chức Hội nghị cung cấp thông tin cho báo chí từ ngày 01/9/2026 đến ngày 30/9/2026',
      'Kính gửi: Ủy ban nhân dân tỉnh Đắk Lắk.',
      'đã tổ chức 3 hội nghị cung cấp thông tin cho báo chí (2 định kỳ, 1 đột xuất); 1 hội nghị bị hủy, 1 hội nghị được dời lịch.',
      'Phát sinh 2 sự việc, vụ việc phải cung cấp thông tin đột xuất: 1 sự việc được triệu tập hội nghị trong thời hạn 24 giờ, 1 sự việc quá thời hạn.',
      'Các cơ quan được đề nghị cung cấp 4 văn bản: 2 văn bản nộp đúng hạn, 1 văn bản nộp muộn, 1 văn bản không nộp; 1 lần văn bản bị trả lại',
      'Giấy mời gửi các cơ quan: 5/6 gửi thành công, 1 gửi lỗi; 2 tham dự, 1 không tham dự, 1 cử người dự thay, 1 không phản hồi.',
      'Giấy mời gửi cơ quan báo chí: 2/2 gửi thành công, 0 gửi lỗi; 1 tham dự, 0 không tham dự, 0 cử người dự thay, 1 không phản hồi.',
      'Các cơ quan gửi 3 phản ánh khó khăn, vướng mắc (1 đã giải quyết) và đề xuất 3 nội dung thông tin (1 đưa vào hội nghị, 0 tổ chức hội nghị đột xuất).',
      'Tụ tập đông người tại xã Ea Súp',
      'Công an tỉnh Đắk Lắk',
      'Sở Y tế',
      'Nơi nhận:',
    ]) {
      expect(text).toContain(words);
    }
    // The charts' own text (axis titles) is drawn in the document's font, so it is in the text layer too.
    expect(text).toContain('Số hội nghị');
    expect(text).toContain('Giờ từ khi phát hiện đến khi triệu tập');

    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'bao-cao-thang-9-2026.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync(process.execPath, [
      join(ROOT, 'test/support/render-pdf-pages.mjs'),
      file,
      join(ARTIFACTS, 'page'),
    ]);
    expect(Number(pages.toString().trim())).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('counts a live conference’s real invitations and answers, and an incident reported through the API', async () => {
    const { conference } = live;
    const mails = await waitForInvitations(stack, conference.id, conference.participants.length);
    const responses = [
      { response: 'ACCEPT' },
      { response: 'DECLINE' },
      { response: 'DELEGATE', delegateName: 'Trần Văn Bình', delegateTitle: 'Phó Giám đốc' },
    ];
    for (const [i, body] of responses.entries()) {
      const page = new URL(invitationLinkOf(mails[i]));
      const answer = await fetch(`${page.origin}/api/v1/invitations/${page.pathname.split('/').pop()}/rsvp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(200);
    }
    const detectedAt = new Date(Date.now() - 30 * 3600_000).toISOString();
    const incident = await stack.api('POST', '/incidents', {
      body: {
        title: 'Cháy rừng tại huyện Ea Súp',
        description: 'Cháy rừng phòng hộ.',
        occurredAt: detectedAt,
        detectedAt,
        topics: [],
        agencyIds: [],
      },
    });
    expect(incident.status).toBe(201);

    const window = `from=${encodeURIComponent(new Date(Date.now() - 2 * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 30 * 86_400_000).toISOString())}`;
    const invited = conference.participants.length;
    await eventually(async () => {
      const body = (await (await report(window)).json()) as ActivityReport;
      const { agencies, press } = body.invitations;
      const sum = (key: keyof typeof agencies) => agencies[key] + press[key];
      return (
        body.incidents.breached === 1 &&
        sum('invited') === invited &&
        sum('delivered') === invited &&
        sum('accepted') === 1 &&
        sum('declined') === 1 &&
        sum('delegated') === 1 &&
        sum('silent') === invited - 3 &&
        body.conferences.held === 0
      );
    }, 60_000);
  }, 120_000);

  it('refuses a period that is missing, reversed or too long, naming the field', async () => {
    const cases: Array<[string, string]> = [
      [`to=${encodeURIComponent(SEPTEMBER.to)}`, 'from'],
      [`from=${encodeURIComponent(SEPTEMBER.to)}&to=${encodeURIComponent(SEPTEMBER.from)}`, 'to'],
      [`from=2020-01-01T00:00:00%2B07:00&to=2026-01-01T00:00:00%2B07:00`, 'to'],
      [`from=2026-09-01T00:00:00&to=${encodeURIComponent(SEPTEMBER.to)}`, 'from'],
    ];
    for (const [query, field] of cases) {
      const answer = await report(query);
      expect(answer.status).toBe(400);
      const problem = (await answer.json()) as Problem;
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
  });
});
