import type {
  AgencyView,
  ConferenceAgendaChangedData,
  ConferenceCalledData,
  ConferenceCancelledData,
  ConferenceCompletedData,
  ConferenceInviteesChangedData,
  ConferenceRescheduledData,
  ConferenceView,
  Problem,
} from '@pressconf/contracts';
import { EventHeaders, Topics } from '@pressconf/contracts';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import { issueKey } from '@pressconf/testing/support/role-keys';
import { EventTap, fieldsOf, HOUR, hoursAhead, iso, registerAgencies } from './support/scheduling';

/** The payloads of the events on `scheduling.conference.v1`. */
type ConferenceEventData =
  | ConferenceCalledData
  | ConferenceRescheduledData
  | ConferenceCancelledData
  | ConferenceCompletedData
  | ConferenceAgendaChangedData
  | ConferenceInviteesChangedData;

/** The lifecycle as a state machine, its events on `scheduling.conference.v1`, and the agenda they carry. */
describe('the conference lifecycle and its events', () => {
  let stack: Stack;
  let agencies: Record<string, AgencyView>;
  const tap = new EventTap<ConferenceEventData>(Topics.conference);

  const draft = async (title: string) => {
    const startsAt = hoursAhead(7 * 24);
    const created = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title,
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + 2 * HOUR),
        venue: 'Hội trường UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột',
        topics: ['Đất đai'],
      },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const act = <T = ConferenceView>(id: string, action: string) => {
    const bodies: Record<string, unknown> = {
      reschedule: { startsAt: iso(hoursAhead(9 * 24)), endsAt: iso(hoursAhead(9 * 24) + HOUR), reason: 'Trùng lịch' },
      cancel: { reason: 'Không còn cần thiết' },
    };
    return stack.api<T>('POST', `/conferences/${id}/${action}`, { body: bodies[action] });
  };
  const expectConflict = async (id: string, action: string, state: string) => {
    const response = await act<Problem>(id, action);
    expect({ action, state, status: response.status }).toEqual({ action, state, status: 409 });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.currentState).toBe(state);
    expect(response.body.detail).toBe(`Cannot ${action} a conference that is ${state}`);
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

  it('sets an agenda whose presenters are the agencies’ spokespersons', async () => {
    const conference = await draft('Hội nghị có chương trình');
    const response = await stack.api<ConferenceView>('PUT', `/conferences/${conference.id}/agenda`, {
      body: {
        items: [
          { title: 'Khai mạc, giới thiệu đại biểu', presenterName: 'Chủ trì hội nghị', durationMinutes: 10 },
          { title: 'Tình hình quản lý đất đai', presenterAgencyId: agencies.SNN.id, durationMinutes: 30 },
          {
            title: 'Công tác bảo đảm quyền con người',
            presenterAgencyId: agencies.CA.id,
            presenterName: 'trần thị hạnh',
            durationMinutes: 30,
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.agenda).toEqual([
      {
        title: 'Khai mạc, giới thiệu đại biểu',
        presenterName: 'Chủ trì hội nghị',
        durationMinutes: 10,
        startsAt: conference.startsAt,
      },
      {
        title: 'Tình hình quản lý đất đai',
        presenterAgencyId: agencies.SNN.id,
        presenterAgencyName: 'Sở Nông nghiệp và Môi trường',
        presenterName: 'Đỗ Thị Lan',
        presenterTitle: 'Phó Giám đốc',
        durationMinutes: 30,
        startsAt: iso(Date.parse(conference.startsAt) + 10 * 60_000),
      },
      {
        title: 'Công tác bảo đảm quyền con người',
        presenterAgencyId: agencies.CA.id,
        presenterAgencyName: 'Công an tỉnh Đắk Lắk',
        presenterName: 'Trần Thị Hạnh',
        presenterTitle: 'Phó Giám đốc',
        durationMinutes: 30,
        startsAt: iso(Date.parse(conference.startsAt) + 40 * 60_000),
      },
    ]);
    expect((await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`)).body.agenda).toEqual(
      response.body.agenda,
    );

    // A reporter is not the press agency's spokesperson.
    const notSpokesperson = await stack.api<Problem>('PUT', `/conferences/${conference.id}/agenda`, {
      body: {
        items: [
          { title: 'Phát biểu', presenterAgencyId: agencies.BDL.id, presenterName: 'Phóng viên 1', durationMinutes: 5 },
        ],
      },
    });
    expect(notSpokesperson.status).toBe(400);
    expect(fieldsOf(notSpokesperson)).toEqual(['items[0].presenterName']);
    const tooLong = await stack.api('PUT', `/conferences/${conference.id}/agenda`, {
      body: { items: [{ title: 'Thảo luận', durationMinutes: 121 }] },
    });
    expect(tooLong.status).toBe(422);
    const malformed = await stack.api<Problem>('PUT', `/conferences/${conference.id}/agenda`, {
      body: { items: [{ title: '', durationMinutes: 0, presenterAgencyId: 'CA' }] },
    });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed).sort()).toEqual([
      'items[0].durationMinutes',
      'items[0].presenterAgencyId',
      'items[0].title',
    ]);
    // Refused changes left the agenda as it was.
    expect((await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`)).body.agenda).toHaveLength(3);
  });

  it('walks DRAFT → CALLED → RESCHEDULED → RESCHEDULED → COMPLETED, each announced change one event with the next sequence', async () => {
    const conference = await draft('Hội nghị tháng 12/2026');
    await stack.api('PUT', `/conferences/${conference.id}/agenda`, {
      body: {
        items: [{ title: 'Tình hình quản lý đất đai', presenterAgencyId: agencies.SNN.id, durationMinutes: 45 }],
      },
    });
    await expectConflict(conference.id, 'reschedule', 'DRAFT');
    await expectConflict(conference.id, 'complete', 'DRAFT');

    const called = await act(conference.id, 'call');
    expect(called.body).toMatchObject({ status: 'CALLED', sequence: 1 });
    await expectConflict(conference.id, 'call', 'CALLED');

    const first = await act(conference.id, 'reschedule');
    expect(first.body).toMatchObject({ status: 'RESCHEDULED', sequence: 2 });
    // The agenda follows the new start.
    expect(first.body.agenda[0].startsAt).toBe(first.body.startsAt);
    await expectConflict(conference.id, 'call', 'RESCHEDULED');
    const second = await act(conference.id, 'reschedule');
    expect(second.body).toMatchObject({ status: 'RESCHEDULED', sequence: 3 });

    // After the call a new agenda is announced to the invitees; the same agenda again is no change.
    const newAgenda = { items: [{ title: 'Trả lời câu hỏi của báo chí', durationMinutes: 30 }] };
    const agenda = await stack.api<ConferenceView>('PUT', `/conferences/${conference.id}/agenda`, { body: newAgenda });
    expect(agenda.status).toBe(200);
    expect(agenda.body.sequence).toBe(4);
    const same = await stack.api<ConferenceView>('PUT', `/conferences/${conference.id}/agenda`, { body: newAgenda });
    expect(same.body.sequence).toBe(4);

    const completed = await act(conference.id, 'complete');
    expect(completed.body).toMatchObject({ status: 'COMPLETED', sequence: 5 });
    for (const action of ['call', 'reschedule', 'cancel', 'complete'])
      await expectConflict(conference.id, action, 'COMPLETED');
    const lateAgenda = await stack.api<Problem>('PUT', `/conferences/${conference.id}/agenda`, { body: { items: [] } });
    expect(lateAgenda.status).toBe(409);
    expect(lateAgenda.body.currentState).toBe('COMPLETED');

    const events = await tap.waitFor(conference.id, 5);
    // Refused transitions emitted nothing: exactly one event per change, in order, keyed by the conference.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(tap.of(conference.id).map((e) => [e.type, e.envelope.data.sequence])).toEqual([
      ['scheduling.conference.called.v1', 1],
      ['scheduling.conference.rescheduled.v1', 2],
      ['scheduling.conference.rescheduled.v1', 3],
      ['scheduling.conference.agenda-changed.v1', 4],
      ['scheduling.conference.completed.v1', 5],
    ]);
    expect(events[3].envelope.data).toEqual({
      conferenceId: conference.id,
      sequence: 4,
      agenda: [{ title: 'Trả lời câu hỏi của báo chí', durationMinutes: 30, startsAt: second.body.startsAt }],
    });
    for (const event of events) {
      expect(event.envelope).toMatchObject({
        type: event.type,
        version: 1,
        source: 'scheduling',
        subject: conference.id,
      });
      expect(event.envelope.data.conferenceId).toBe(conference.id);
      // The id and correlation id travel as Kafka headers too.
      expect(event.headers[EventHeaders.id]).toBe(event.envelope.id);
      expect(event.headers[EventHeaders.correlationId]).toBe(event.envelope.correlationId);
    }

    const [calledEvent, rescheduled] = events.map((e) => e.envelope.data) as [
      ConferenceCalledData,
      ConferenceRescheduledData,
    ];
    expect(calledEvent).toMatchObject({
      kind: 'PERIODIC',
      title: 'Hội nghị tháng 12/2026',
      startsAt: conference.startsAt,
    });
    expect(calledEvent.invitees.length).toBe(called.body.participants.length);
    expect(calledEvent.agenda).toEqual([
      {
        title: 'Tình hình quản lý đất đai',
        presenterAgencyId: agencies.SNN.id,
        presenterAgencyName: 'Sở Nông nghiệp và Môi trường',
        presenterName: 'Đỗ Thị Lan',
        presenterTitle: 'Phó Giám đốc',
        durationMinutes: 45,
        startsAt: conference.startsAt,
      },
    ]);
    expect(rescheduled).toMatchObject({
      startsAt: first.body.startsAt,
      endsAt: first.body.endsAt,
      previousStartsAt: conference.startsAt,
      reason: 'Trùng lịch',
    });
  });

  it('records the hosts and the letter’s issuer at the call, announces them, and shows a host only its conferences', async () => {
    const conference = await draft('Hội nghị có cơ quan chủ trì');
    expect(conference).toMatchObject({ hosts: [], issuer: null });
    const [coChair, provider] = await Promise.all([
      issueKey(stack, 'host', agencies.HNB.id),
      issueKey(stack, 'host', agencies.SNN.id),
    ]);
    // Before the call a host sees the drafts of the kinds it would host; an agency holding no host role, none.
    expect((await stack.api('GET', `/conferences/${conference.id}`, { key: coChair })).status).toBe(200);
    expect((await stack.api('GET', `/conferences/${conference.id}`, { key: provider })).status).toBe(404);

    const called = await act(conference.id, 'call');
    expect(called.status).toBe(200);
    const host = (code: string, roles: string[]) => ({
      agencyId: agencies[code].id,
      agencyName: agencies[code].name,
      code: agencies[code].code,
      roles,
      contactName: expect.any(String) as string,
      contactTitle: expect.any(String) as string,
      email: expect.stringContaining('@') as string,
      locale: 'vi',
    });
    const hosts = [
      host('BTG', ['CO_HOST']),
      host('CA', ['HUMAN_RIGHTS_STANDING_OFFICE']),
      host('SVH', ['COORDINATOR']),
      host('HNB', ['PRESS_BRIEFING_CO_CHAIR']),
    ];
    const issuer = { agencyId: agencies.BTG.id, agencyName: agencies.BTG.name, code: agencies.BTG.code };
    expect(called.body.hosts).toEqual(hosts);
    expect(called.body.issuer).toEqual(issuer);
    const [event] = await tap.waitFor(conference.id, 1);
    expect(event.envelope.data).toMatchObject({ hosts, issuer });

    for (const [key, sees] of [
      [coChair, true],
      [provider, false],
    ] as const) {
      expect((await stack.api('GET', `/conferences/${conference.id}`, { key })).status).toBe(sees ? 200 : 404);
      const preview = await stack.api('GET', `/conferences/${conference.id}/participants/preview`, { key });
      expect(preview.status).toBe(sees ? 200 : 404);
      const list = await stack.api<{ items: ConferenceView[] }>('GET', '/conferences?pageSize=100', { key });
      expect(list.body.items.some((c) => c.id === conference.id)).toBe(sees);
    }
    // The press sees who hosts, but no one's address.
    const press = await issueKey(stack, 'press', agencies.BDL.id);
    const seen = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`, { key: press });
    expect(seen.body.hosts.map((h) => h.agencyName)).toEqual(hosts.map((h) => h.agencyName));
    expect(JSON.stringify(seen.body.hosts)).not.toContain('@');
  });

  it('cancels from DRAFT and from CALLED, and nothing after', async () => {
    const draftOnly = await draft('Hội nghị bị hủy khi còn là dự thảo');
    const cancelled = await act(draftOnly.id, 'cancel');
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    for (const action of ['call', 'reschedule', 'cancel', 'complete'])
      await expectConflict(draftOnly.id, action, 'CANCELLED');

    const calledFirst = await draft('Hội nghị bị hủy sau khi triệu tập');
    await act(calledFirst.id, 'call');
    expect((await act(calledFirst.id, 'cancel')).body).toMatchObject({ status: 'CANCELLED', sequence: 2 });

    const [only] = await tap.waitFor(draftOnly.id, 1);
    expect(only.type).toBe('scheduling.conference.cancelled.v1');
    expect(only.envelope.data).toEqual({ conferenceId: draftOnly.id, sequence: 1, reason: 'Không còn cần thiết' });
    const afterCall = await tap.waitFor(calledFirst.id, 2);
    expect(afterCall.map((e) => e.type)).toEqual([
      'scheduling.conference.called.v1',
      'scheduling.conference.cancelled.v1',
    ]);
    expect(afterCall[1].envelope.data).toEqual({
      conferenceId: calledFirst.id,
      sequence: 2,
      reason: 'Không còn cần thiết',
    });
  });

  it('answers bad conference input with a 400 naming the field', async () => {
    const base = {
      kind: 'PERIODIC',
      title: 'Hội nghị sai dữ liệu',
      startsAt: '2027-01-15T09:00:00+07:00',
      endsAt: '2027-01-15T11:00:00+07:00',
      venue: 'Hội trường',
      topics: [],
    };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ endsAt: '2027-01-15T08:00:00+07:00' }, ['endsAt']],
      [{ startsAt: '2027-01-15T09:00:00' }, ['startsAt']],
      [{ kind: 'MONTHLY' }, ['kind']],
      [{ kind: 'EXTRAORDINARY' }, ['incidentId']],
    ];
    for (const [change, fields] of cases) {
      const response = await stack.api<Problem>('POST', '/conferences', { body: { ...base, ...change } });
      expect({ change, status: response.status, fields: fieldsOf(response) }).toEqual({ change, status: 400, fields });
    }
    const conference = await draft('Hội nghị dời lịch sai');
    await act(conference.id, 'call');
    const backwards = await stack.api<Problem>('POST', `/conferences/${conference.id}/reschedule`, {
      body: { startsAt: '2027-02-01T09:00:00+07:00', endsAt: '2027-02-01T08:59:00+07:00', reason: 'Sai giờ' },
    });
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards)).toEqual(['endsAt']);
  });
});
