import { randomUUID } from 'node:crypto';
import type { AgencyView, ConferenceView, IncidentView, Page, Problem, SeriesView } from '@pressconf/contracts';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import { issueKey } from '@pressconf/testing/support/role-keys';
import { fieldsOf, HOUR, hoursAhead, iso, registerAgencies } from './support/scheduling';

const DAY = 24 * HOUR;

/**
 * What an administrator lacked in the API: the incidents against the 24-hour rule, editing a draft, changing and
 * stopping a series. Each with the roles allowed and refused, bad input naming the field, and the 409 cases.
 */
describe('incidents list, draft edits, series changes', () => {
  let stack: Stack;
  let agencies: Record<string, AgencyView>;
  const keys: Record<'coordinator' | 'host' | 'agency' | 'press' | 'reader', string> = {
    coordinator: '',
    host: '',
    agency: '',
    press: '',
    reader: '',
  };

  const draft = async (extra: Record<string, unknown> = {}) => {
    const startsAt = hoursAhead(10 * 24);
    const response = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin định kỳ',
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + 2 * HOUR),
        venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch',
        topics: ['Đất đai'],
        ...extra,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    stack = await Stack.start({ env: { SERIES_HORIZON_DAYS: '60', SERIES_MATERIALIZE_INTERVAL_MS: '500' } });
    agencies = await registerAgencies(stack, smallDirectory(1));
    const press = Object.values(agencies).find((a) => a.kind === 'PRESS')!;
    keys.coordinator = await issueKey(stack, 'coordinator');
    keys.host = await issueKey(stack, 'host', agencies.BTG.id);
    keys.agency = await issueKey(stack, 'agency', agencies.SNN.id);
    keys.press = await issueKey(stack, 'press', press.id);
    keys.reader = await issueKey(stack, 'reader');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists incidents with their call and whether the 24 hours were kept, to staff and hosts only', async () => {
    const report = async (detectedAgo: number) => {
      const response = await stack.api<IncidentView>('POST', '/incidents', {
        key: keys.coordinator,
        body: {
          title: `Sự việc phát hiện ${detectedAgo / HOUR} giờ trước`,
          description: 'Một số người dân tụ tập đông người liên quan đến tranh chấp đất đai.',
          occurredAt: iso(Date.now() - detectedAgo - HOUR),
          detectedAt: iso(Date.now() - detectedAgo),
          topics: ['Đất đai'],
          agencyIds: [agencies.SNN.id],
        },
      });
      expect(response.status).toBe(201);
      return response.body;
    };
    const breached = await report(30 * HOUR);
    const open = await report(2 * HOUR);
    const convened = await report(1 * HOUR);
    const startsAt = Date.now() + 3 * HOUR;
    const conference = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'EXTRAORDINARY',
        title: 'Hội nghị cung cấp thông tin đột xuất',
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + HOUR),
        venue: 'Phòng họp Sở Văn hóa, Thể thao và Du lịch',
        topics: ['Đất đai'],
        incidentId: convened.id,
      },
    });
    const called = await stack.api<ConferenceView>('POST', `/conferences/${conference.body.id}/call`);
    expect(called.status).toBe(200);

    for (const role of ['coordinator', 'host'] as const) {
      const listed = await stack.api<Page<IncidentView>>('GET', '/incidents', { key: keys[role] });
      expect(listed.status).toBe(200);
      expect(listed.body.total).toBe(3);
      // Newest detection first.
      expect(listed.body.items.map((i) => i.id)).toEqual([convened.id, open.id, breached.id]);
      expect(listed.body.items.map((i) => [i.status, i.deadlineKept])).toEqual([
        ['CONVENED', true],
        ['OPEN', null],
        ['BREACHED', false],
      ]);
      expect(listed.body.items[0].calledConference).toEqual({
        id: conference.body.id,
        title: 'Hội nghị cung cấp thông tin đột xuất',
        status: 'CALLED',
        startsAt: called.body.startsAt,
        calledAt: called.body.calledAt,
      });
      expect(listed.body.items[1].calledConference).toBeNull();
      expect(listed.body.items[2].conveneBy).toBe(breached.conveneBy);
    }
    const byStatus = async (query: string) =>
      (await stack.api<Page<IncidentView>>('GET', `/incidents?${query}`)).body.items.map((i) => i.id);
    expect(await byStatus('status=BREACHED')).toEqual([breached.id]);
    expect(await byStatus('status=OPEN')).toEqual([open.id]);
    expect(await byStatus('status=CONVENED')).toEqual([convened.id]);
    expect(await byStatus(`from=${encodeURIComponent(iso(Date.now() - 3 * HOUR))}`)).toEqual([convened.id, open.id]);
    expect(await byStatus(`to=${encodeURIComponent(iso(Date.now() - 3 * HOUR))}&pageSize=1`)).toEqual([breached.id]);
    expect((await stack.api<IncidentView>('GET', `/incidents/${convened.id}`)).body).toMatchObject({
      status: 'CONVENED',
      deadlineKept: true,
      calledConference: { id: conference.body.id },
    });

    for (const role of ['agency', 'press', 'reader'] as const) {
      const refused = await stack.api<Problem>('GET', '/incidents', { key: keys[role] });
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }
    for (const [query, field] of [
      ['status=LATE', 'status'],
      ['from=2027-01-01T00:00:00', 'from'],
      ['pageSize=101', 'pageSize'],
    ]) {
      const refused = await stack.api<Problem>('GET', `/incidents?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(refused)).toEqual([field]);
    }
  });

  it('edits a draft as on creation, and refuses once it is called: a reschedule then', async () => {
    const conference = await draft({ briefsDueAt: iso(hoursAhead(8 * 24)) });
    const edited = await stack.api<ConferenceView>('PATCH', `/conferences/${conference.id}`, {
      key: keys.coordinator,
      body: { venue: '  Phòng họp số 2, UBND tỉnh  ', topics: ['Tôn giáo'], briefsDueAt: null },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      status: 'DRAFT',
      title: conference.title,
      startsAt: conference.startsAt,
      venue: 'Phòng họp số 2, UBND tỉnh',
      topics: ['Tôn giáo'],
      briefsDueAt: null,
      sequence: 0,
    });

    const laterStart = iso(Date.parse(conference.endsAt) + HOUR);
    for (const [body, field] of [
      [{ startsAt: laterStart }, 'endsAt'],
      [{ briefsDueAt: iso(Date.parse(conference.startsAt) + HOUR) }, 'briefsDueAt'],
      [{ title: '' }, 'title'],
      [{ startsAt: '2027-02-30T09:00:00+07:00' }, 'startsAt'],
      [{ status: 'CALLED' }, 'status'],
      [{}, '(body)'],
    ] as const) {
      const refused = await stack.api<Problem>('PATCH', `/conferences/${conference.id}`, { body });
      expect({ body, status: refused.status, fields: fieldsOf(refused) }).toEqual({
        body,
        status: 400,
        fields: [field],
      });
    }
    for (const role of ['host', 'agency', 'press', 'reader'] as const) {
      const refused = await stack.api('PATCH', `/conferences/${conference.id}`, {
        key: keys[role],
        body: { title: 'Không được sửa' },
      });
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }
    const unchanged = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
    expect(unchanged.body).toMatchObject({ title: conference.title, venue: 'Phòng họp số 2, UBND tỉnh' });

    expect((await stack.api('POST', `/conferences/${conference.id}/call`)).status).toBe(200);
    const late = await stack.api<Problem>('PATCH', `/conferences/${conference.id}`, { body: { title: 'Muộn' } });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('reschedule');
    expect((await stack.api('PATCH', `/conferences/${randomUUID()}`, { body: { title: 'Không có' } })).status).toBe(
      404,
    );
  });

  it('changes a series: its drafts follow, keeping their own edits; a called one stays', async () => {
    const created = await stack.api<SeriesView>('POST', '/conference-series', {
      body: {
        title: 'Giao ban báo chí định kỳ',
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        startTime: '08:30',
        durationMinutes: 120,
        venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch',
        topics: ['Công tác nhân quyền'],
      },
    });
    expect(created.status).toBe(201);
    const seriesId = created.body.id;
    const ofSeries = async () =>
      (await stack.api<Page<ConferenceView>>('GET', '/conferences?pageSize=100')).body.items
        .filter((c) => c.seriesId === seriesId)
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const [first, second, ...others] = await ofSeries();
    expect(others.length).toBeGreaterThan(3);
    expect((await stack.api('POST', `/conferences/${first.id}/call`)).status).toBe(200);
    const ownVenue = 'Hội trường Báo Đắk Lắk';
    expect((await stack.api('PATCH', `/conferences/${second.id}`, { body: { venue: ownVenue } })).status).toBe(200);

    const changed = await stack.api<SeriesView>('PATCH', `/conference-series/${seriesId}`, {
      key: keys.coordinator,
      body: { startTime: '14:00', venue: 'Phòng họp số 2, UBND tỉnh' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ startTime: '14:00', venue: 'Phòng họp số 2, UBND tỉnh', stoppedAt: null });
    const afterTime = await ofSeries();
    const called = afterTime.find((c) => c.id === first.id)!;
    expect(called).toMatchObject({ status: 'CALLED', startsAt: first.startsAt, venue: first.venue });
    const drafts = afterTime.filter((c) => c.status === 'DRAFT');
    expect(drafts.map((c) => c.id)).toEqual([second.id, ...others.map((c) => c.id)]);
    // 14:00 in Asia/Ho_Chi_Minh is 07:00 UTC; the draft edited on its own keeps its venue.
    expect(drafts.every((c) => new Date(c.startsAt).getUTCHours() === 7)).toBe(true);
    expect(drafts.map((c) => c.venue)).toEqual([ownVenue, ...others.map(() => 'Phòng họp số 2, UBND tỉnh')]);
    const days = afterTime.map((c) => c.startsAt.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);

    const tuesdays = await stack.api<SeriesView>('PATCH', `/conference-series/${seriesId}`, {
      body: { rrule: 'FREQ=WEEKLY;BYDAY=TU' },
    });
    expect(tuesdays.status).toBe(200);
    const afterRule = await ofSeries();
    expect(afterRule.find((c) => c.id === first.id)?.status).toBe('CALLED');
    const tuesdayDrafts = afterRule.filter((c) => c.status === 'DRAFT');
    expect(tuesdayDrafts.length).toBeGreaterThan(3);
    // None of the Monday drafts is left; the Tuesday ones are new (a holiday may move one to a later day).
    expect(tuesdayDrafts.some((c) => [second.id, ...others.map((o) => o.id)].includes(c.id))).toBe(false);
    expect(tuesdayDrafts.every((c) => new Date(c.startsAt).getUTCHours() === 7)).toBe(true);

    for (const [body, field] of [
      [{ rrule: 'FREQ=DAILY' }, 'rrule'],
      [{ startTime: '25:00' }, 'startTime'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{}, '(body)'],
    ] as const) {
      const refused = await stack.api<Problem>('PATCH', `/conference-series/${seriesId}`, { body });
      expect({ body, status: refused.status, fields: fieldsOf(refused) }).toEqual({
        body,
        status: 400,
        fields: [field],
      });
    }
    for (const role of ['host', 'agency', 'press', 'reader'] as const) {
      const patch = await stack.api('PATCH', `/conference-series/${seriesId}`, {
        key: keys[role],
        body: { title: 'X' },
      });
      const stop = await stack.api('POST', `/conference-series/${seriesId}/stop`, { key: keys[role] });
      expect({ role, statuses: [patch.status, stop.status] }).toEqual({ role, statuses: [403, 403] });
    }
    expect((await stack.api<SeriesView>('GET', `/conference-series/${seriesId}`)).body.rrule).toMatch(/BYDAY=TU$/);
  });

  it('stops a series: its uncalled drafts go, nothing more is drafted, and it changes no more', async () => {
    const created = await stack.api<SeriesView>('POST', '/conference-series', {
      body: {
        title: 'Giao ban báo chí hằng tháng',
        rrule: 'FREQ=WEEKLY;BYDAY=WE',
        startTime: '09:00',
        durationMinutes: 90,
        venue: 'Hội trường UBND tỉnh',
        topics: ['Thông tin đối ngoại'],
      },
    });
    const seriesId = created.body.id;
    const rows = () =>
      stack.query<{ id: string; status: string }>('SELECT id, status FROM scheduling.conference WHERE series_id = $1', [
        seriesId,
      ]);
    const [first] = (await rows()).filter((r) => r.status === 'DRAFT');
    expect((await stack.api('POST', `/conferences/${first.id}/call`)).status).toBe(200);

    const stopped = await stack.api<SeriesView>('POST', `/conference-series/${seriesId}/stop`, {
      key: keys.coordinator,
    });
    expect(stopped.status).toBe(200);
    expect(Date.parse(stopped.body.stoppedAt ?? '')).toBeGreaterThan(Date.now() - DAY);
    // The materializer runs every 500 ms: nothing comes back.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await rows()).toEqual([{ id: first.id, status: 'CALLED' }]);

    for (const [method, path, body] of [
      ['POST', `/conference-series/${seriesId}/stop`, undefined],
      ['PATCH', `/conference-series/${seriesId}`, { title: 'Lại' }],
    ] as const) {
      const refused = await stack.api<Problem>(method, path, { body });
      expect({ path, status: refused.status }).toEqual({ path, status: 409 });
      expect(refused.body.detail).toContain('stopped');
    }
    const unknown = randomUUID();
    expect((await stack.api('POST', `/conference-series/${unknown}/stop`)).status).toBe(404);
    expect((await stack.api('PATCH', `/conference-series/${unknown}`, { body: { title: 'X' } })).status).toBe(404);
    expect((await stack.api<Problem>('POST', '/conference-series/not-a-uuid/stop')).status).toBe(400);
  });
});
