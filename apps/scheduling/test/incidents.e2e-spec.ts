import type {
  AgencyView,
  ConferenceView,
  IncidentDeadlineBreachedData,
  IncidentReportedData,
  IncidentView,
  Problem,
} from '@pressconf/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { EventHeaders, EventTypes, Topics } from '@pressconf/contracts';
import type { EventEnvelope, InformationOfferEventData, Page } from '@pressconf/contracts';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import { EventTap, fieldsOf, HOUR, iso, registerAgencies } from './support/scheduling';

/** Incidents: the 24-hour rule at its edge, the written request to the co-host, the breach reported once. */
describe('incidents and extraordinary conferences', () => {
  let stack: Stack;
  let agencies: Record<string, AgencyView>;
  const tap = new EventTap<IncidentReportedData | IncidentDeadlineBreachedData>(Topics.incident);

  const report = async (detectedAt: number) => {
    const response = await stack.api<IncidentView>('POST', '/incidents', {
      body: {
        title: 'Tranh chấp đất đai tại xã Ea Kênh',
        description: 'Một số người dân tụ tập đông người liên quan đến tranh chấp đất đai.',
        occurredAt: iso(detectedAt - HOUR),
        detectedAt: iso(detectedAt),
        topics: ['Đất đai'],
        agencyIds: [agencies.SNN.id],
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  };
  const extraordinary = async (incidentId: string, startsAt: number) => {
    const response = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'EXTRAORDINARY',
        title: 'Hội nghị cung cấp thông tin đột xuất về vụ việc tại xã Ea Kênh',
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + HOUR),
        venue: 'Phòng họp Sở Văn hóa, Thể thao và Du lịch',
        topics: ['Đất đai'],
        incidentId,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    stack = await Stack.start();
    await tap.start();
    agencies = await registerAgencies(stack, smallDirectory(1));
  });

  afterAll(async () => {
    await tap.stop();
    await stack?.stop();
  });

  it('calls an extraordinary conference only to start by conveneBy, exactly at it at the latest', async () => {
    const incident = await report(Date.now() - 23 * HOUR);
    const conveneBy = Date.parse(incident.conveneBy);
    expect(conveneBy - Date.parse(incident.detectedAt)).toBe(24 * HOUR);

    const late = await extraordinary(incident.id, conveneBy + 60_000);
    const refused = await stack.api<Problem>('POST', `/conferences/${late.id}/call`);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain(`it must start by ${incident.conveneBy}`);
    expect((await stack.api<ConferenceView>('GET', `/conferences/${late.id}`)).body).toMatchObject({
      status: 'DRAFT',
      sequence: 0,
    });

    const onTime = await extraordinary(incident.id, conveneBy);
    const called = await stack.api<ConferenceView>('POST', `/conferences/${onTime.id}/call`);
    expect(called.status).toBe(200);
    expect(called.body.status).toBe('CALLED');
    // The agency concerned by the incident is invited to brief.
    expect(called.body.participants.find((p) => p.agencyId === agencies.SNN.id)).toMatchObject({
      mustBrief: true,
      // @types/jest types the asymmetric matchers `any`; `unknown` is what they are to the compiler.
      reason: expect.stringContaining('concerned by the incident') as unknown,
    });

    // Rescheduling keeps to the same deadline.
    const postponed = await stack.api<Problem>('POST', `/conferences/${onTime.id}/reschedule`, {
      body: {
        startsAt: iso(conveneBy + HOUR),
        endsAt: iso(conveneBy + 2 * HOUR),
        reason: 'Chờ báo cáo của địa phương',
      },
    });
    expect(postponed.status).toBe(422);
    expect(postponed.body.detail).toContain(incident.conveneBy);

    const fetched = await stack.api<IncidentView>('GET', `/incidents/${incident.id}`);
    expect(fetched.body.conferenceIds.sort()).toEqual([late.id, onTime.id].sort());
    expect(fetched.body.deadlineBreachedAt).toBeNull();
  });

  it('records the written request to the co-host with the extraordinary conference', async () => {
    const incident = await report(Date.now() - HOUR);
    const conference = await extraordinary(incident.id, Date.now() + 6 * HOUR);
    expect(conference.coHostRequest).toBeNull();

    const sentAt = iso(Date.now() - 30 * 60_000);
    const recorded = await stack.api<ConferenceView>('PUT', `/conferences/${conference.id}/co-host-request`, {
      body: {
        documentNumber: '125/SVHTTDL-TTĐN',
        sentAt,
        summary: 'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy phối hợp tổ chức hội nghị cung cấp thông tin đột xuất.',
      },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.coHostRequest).toEqual({
      documentNumber: '125/SVHTTDL-TTĐN',
      sentAt,
      summary: 'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy phối hợp tổ chức hội nghị cung cấp thông tin đột xuất.',
      recordedAt: expect.any(String) as unknown,
    });
    expect((await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`)).body.coHostRequest).toEqual(
      recorded.body.coHostRequest,
    );

    const future = await stack.api<Problem>('PUT', `/conferences/${conference.id}/co-host-request`, {
      body: { documentNumber: '126/SVHTTDL-TTĐN', sentAt: iso(Date.now() + 24 * HOUR), summary: 'Văn bản đề ngày mai' },
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future)).toEqual(['sentAt']);
    const noOffset = await stack.api<Problem>('PUT', `/conferences/${conference.id}/co-host-request`, {
      body: { documentNumber: '126/SVHTTDL-TTĐN', sentAt: '2026-11-01T08:00:00', summary: 'Thiếu múi giờ' },
    });
    expect(noOffset.status).toBe(400);
    expect(fieldsOf(noOffset)).toEqual(['sentAt']);

    const periodic = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị định kỳ',
        startsAt: iso(Date.now() + 48 * HOUR),
        endsAt: iso(Date.now() + 50 * HOUR),
        venue: 'Hội trường',
        topics: [],
      },
    });
    const notForPeriodic = await stack.api('PUT', `/conferences/${periodic.body.id}/co-host-request`, {
      body: { documentNumber: '1/X', sentAt, summary: 'Không áp dụng' },
    });
    expect(notForPeriodic.status).toBe(422);

    await stack.api('POST', `/conferences/${conference.id}/cancel`, { body: { reason: 'Sự việc đã được giải quyết' } });
    const afterCancel = await stack.api<Problem>('PUT', `/conferences/${conference.id}/co-host-request`, {
      body: { documentNumber: '127/SVHTTDL-TTĐN', sentAt, summary: 'Sau khi hủy' },
    });
    expect(afterCancel.status).toBe(409);
    expect(afterCancel.body.currentState).toBe('CANCELLED');
  });

  it('reports a breached deadline once, also across a restart of scheduling', async () => {
    const incident = await report(Date.now() - 24 * HOUR - 2000);
    const breached = () => tap.of(incident.id).filter((e) => e.type === 'scheduling.incident.deadline-breached.v1');
    await tap.waitFor(incident.id, 2);
    expect(tap.of(incident.id).map((e) => e.type)).toEqual([
      'scheduling.incident.reported.v1',
      'scheduling.incident.deadline-breached.v1',
    ]);
    const data = breached()[0].envelope.data as {
      incidentId: string;
      conveneBy: string;
      hosts: Array<{ role: string }>;
    };
    expect(data).toMatchObject({ incidentId: incident.id, conveneBy: incident.conveneBy });
    // The alert's recipients come with the event, resolved from the registry: notifications knows no agencies.
    expect(new Set(data.hosts.map((host) => host.role))).toEqual(
      new Set(['CO_HOST', 'HUMAN_RIGHTS_STANDING_OFFICE', 'COORDINATOR']),
    );

    await stack.stopService('scheduling');
    await stack.startService('scheduling');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the watch runs every second in the stack
    expect(breached()).toHaveLength(1);
    const fetched = await stack.api<IncidentView>('GET', `/incidents/${incident.id}`);
    expect(fetched.body.deadlineBreachedAt).toEqual(expect.any(String));
  });

  it('reports an incident once from an offer decided CALL_EXTRAORDINARY, its 24 hours running from the decision', async () => {
    const decidedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 2 * HOUR);
    const offerId = randomUUID();
    const envelope: EventEnvelope<InformationOfferEventData> = {
      id: randomUUID(),
      type: EventTypes.informationOfferDecided,
      version: 1,
      occurredAt: decidedAt.toISOString(),
      source: 'submissions',
      subject: offerId,
      correlationId: randomUUID(),
      data: {
        offerId,
        agencyId: agencies.SNN.id,
        title: 'Dịch tả lợn châu Phi bùng phát tại huyện Krông Pắc',
        summary: 'Sở Nông nghiệp đề nghị cung cấp thông tin kịp thời để người dân chủ động phòng, chống dịch.',
        topics: ['Nông nghiệp', 'Dịch bệnh'],
        urgent: true,
        status: 'CALLED_EXTRAORDINARY',
        offeredAt: iso(decidedAt.getTime() - HOUR),
        decision: 'CALL_EXTRAORDINARY',
        decidedAt: decidedAt.toISOString(),
        conferenceId: null,
        briefRequestId: null,
        comment: 'Triệu tập họp báo đột xuất',
      },
    };
    const producer = new Kafka({
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    const message = {
      key: offerId,
      value: JSON.stringify(envelope),
      headers: { [EventHeaders.id]: envelope.id, [EventHeaders.type]: envelope.type },
    };
    // Delivered twice, as Kafka may: one incident all the same.
    await producer.send({ topic: Topics.informationOffer, messages: [message, message] });
    await producer.disconnect();

    const window = `from=${encodeURIComponent(iso(decidedAt.getTime() - 1000))}&to=${encodeURIComponent(iso(decidedAt.getTime() + 1000))}`;
    const ofOffer = async () =>
      (await stack.api<Page<IncidentView>>('GET', `/incidents?${window}`)).body.items.filter(
        (i) => i.title === envelope.data.title,
      );
    const deadline = Date.now() + 60_000;
    while ((await ofOffer()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const incidents = await ofOffer();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      title: envelope.data.title,
      topics: ['Nông nghiệp', 'Dịch bệnh'],
      agencyIds: [agencies.SNN.id],
    });
    expect(Date.parse(incidents[0].detectedAt)).toBe(decidedAt.getTime());
    expect(Date.parse(incidents[0].conveneBy)).toBe(decidedAt.getTime() + 24 * HOUR);
    const reported = await tap.waitFor(incidents[0].id, 1);
    expect(reported[0].type).toBe('scheduling.incident.reported.v1');
  });
});
