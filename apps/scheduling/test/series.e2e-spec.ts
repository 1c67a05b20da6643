import type { ConferenceView, OccurrenceView, Page, Problem, SeriesView } from '@pressconf/contracts';
import { eventually, Stack } from '@pressconf/testing/support/stack';
import { fieldsOf } from './support/scheduling';

const DAY = 86_400_000;

/** Periodic series: recurrence with holiday shifts, and occurrences drafted ahead of time exactly once. */
describe('conference series', () => {
  let stack: Stack;

  const series = (extra: Record<string, unknown> = {}) => ({
    title: 'Giao ban báo chí định kỳ',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    startTime: '08:30',
    durationMinutes: 120,
    venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch, 08 Lý Thường Kiệt, Buôn Ma Thuột',
    topics: ['Công tác nhân quyền', 'Thông tin đối ngoại'],
    ...extra,
  });
  const draftsOf = (seriesId: string) =>
    stack.query<{ id: string; status: string; starts_at: Date; series_occurrence: Date }>(
      'SELECT id, status, starts_at, series_occurrence FROM scheduling.conference WHERE series_id = $1 ORDER BY starts_at',
      [seriesId],
    );

  beforeAll(async () => {
    stack = await Stack.start({ env: { SERIES_HORIZON_DAYS: '60', SERIES_MATERIALIZE_INTERVAL_MS: '500' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a series and drafts its occurrences within the horizon, once, as PERIODIC conferences', async () => {
    const before = Date.now();
    const created = await stack.api<SeriesView>('POST', '/conference-series', { body: series() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Giao ban báo chí định kỳ',
      startTime: '08:30',
      durationMinutes: 120,
      timeZone: 'Asia/Ho_Chi_Minh',
      topics: ['Công tác nhân quyền', 'Thông tin đối ngoại'],
    });
    // Anchored on the day it was created, so that its occurrences do not follow the window asked for.
    expect(created.body.rrule).toMatch(/^DTSTART:\d{8}\nRRULE:FREQ=WEEKLY;BYDAY=MO$/);
    const horizon = Date.parse(created.body.materializedUntil);
    expect(horizon).toBeGreaterThanOrEqual(before + 60 * DAY);
    expect(horizon).toBeLessThan(Date.now() + 60 * DAY + 1000);

    const fetched = await stack.api<SeriesView>('GET', `/conference-series/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.id).toBe(created.body.id);

    const window = `from=${encodeURIComponent(new Date(before).toISOString())}&to=${encodeURIComponent(created.body.materializedUntil)}`;
    const occurrences = await stack.api<Page<OccurrenceView>>(
      'GET',
      `/conference-series/${created.body.id}/occurrences?${window}&pageSize=100`,
    );
    expect(occurrences.status).toBe(200);
    expect(occurrences.body.total).toBeGreaterThanOrEqual(8);
    expect(occurrences.body.items).toHaveLength(occurrences.body.total);

    const drafts = await draftsOf(created.body.id);
    expect(drafts).toHaveLength(occurrences.body.total);
    expect(occurrences.body.items.map((o) => o.conferenceId)).toEqual(drafts.map((d) => d.id));
    for (const occurrence of occurrences.body.items) {
      // 08:30 in Asia/Ho_Chi_Minh, on a working day, for two hours.
      expect(new Date(occurrence.startsAt).getUTCHours() * 60 + new Date(occurrence.startsAt).getUTCMinutes()).toBe(90);
      expect(Date.parse(occurrence.endsAt) - Date.parse(occurrence.startsAt)).toBe(2 * 3_600_000);
    }

    const first = await stack.api<ConferenceView>('GET', `/conferences/${drafts[0].id}`);
    expect(first.body).toMatchObject({
      kind: 'PERIODIC',
      status: 'DRAFT',
      seriesId: created.body.id,
      venue: series().venue,
      topics: series().topics,
      startsAt: occurrences.body.items[0].startsAt,
    });
    expect(first.body.title).toMatch(/^Giao ban báo chí định kỳ — ngày \d{2}\/\d{2}\/\d{4}$/);

    // A cancelled draft stays cancelled: the job runs every half second and never drafts an occurrence twice.
    const cancelled = await stack.api('POST', `/conferences/${drafts[0].id}/cancel`, {
      body: { reason: 'Trùng lịch họp UBND tỉnh' },
    });
    expect(cancelled.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const again = await draftsOf(created.body.id);
    expect(again.map((d) => d.id)).toEqual(drafts.map((d) => d.id));
    expect(again[0].status).toBe('CANCELLED');

    // The job keeps the horizon drafted: an occurrence whose draft went missing is drafted again.
    const last = drafts[drafts.length - 1];
    await stack.query('DELETE FROM scheduling.conference WHERE id = $1', [last.id]);
    const redrafted = await eventually(async () => {
      const now = await draftsOf(created.body.id);
      return now.length === drafts.length ? now[now.length - 1] : undefined;
    }, 10_000);
    expect(redrafted.id).not.toBe(last.id);
    expect(redrafted.series_occurrence).toEqual(last.series_occurrence);
  });

  it('moves an occurrence off Tết 2027 and off weekends, and says why', async () => {
    const created = await stack.api<SeriesView>('POST', '/conference-series', {
      body: series({ rrule: 'DTSTART:20270101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=6', durationMinutes: 90 }),
    });
    expect(created.status).toBe(201);
    expect(created.body.rrule).toBe('DTSTART:20270101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=6');
    const listed = await stack.api<Page<OccurrenceView>>(
      'GET',
      `/conference-series/${created.body.id}/occurrences?from=${encodeURIComponent('2027-02-01T00:00:00+07:00')}&to=${encodeURIComponent('2027-04-30T23:59:00+07:00')}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(listed.body.items.map(({ conferenceId, ...o }) => o)).toEqual([
      {
        startsAt: '2027-02-10T01:30:00.000Z',
        endsAt: '2027-02-10T03:00:00.000Z',
        shiftedFrom: '2027-02-06T01:30:00.000Z',
        reason: 'Trùng Tết Nguyên Đán; chuyển sang ngày làm việc kế tiếp',
      },
      {
        startsAt: '2027-03-08T01:30:00.000Z',
        endsAt: '2027-03-08T03:00:00.000Z',
        shiftedFrom: '2027-03-06T01:30:00.000Z',
        reason: 'Trùng Thứ Bảy; chuyển sang ngày làm việc kế tiếp',
      },
      { startsAt: '2027-04-06T01:30:00.000Z', endsAt: '2027-04-06T03:00:00.000Z' },
    ]);
    const paged = await stack.api<Page<OccurrenceView>>(
      'GET',
      `/conference-series/${created.body.id}/occurrences?from=${encodeURIComponent('2027-02-01T00:00:00+07:00')}&to=${encodeURIComponent('2027-04-30T23:59:00+07:00')}&page=2&pageSize=2`,
    );
    expect(paged.body).toMatchObject({
      page: 2,
      pageSize: 2,
      total: 3,
      items: [{ startsAt: '2027-04-06T01:30:00.000Z' }],
    });
  });

  it('answers bad input with a 400 naming the field, and an unknown series with a 404', async () => {
    for (const [body, field] of [
      [series({ rrule: 'every first Monday' }), 'rrule'],
      [series({ rrule: 'FREQ=DAILY' }), 'rrule'],
      [series({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=32' }), 'rrule'],
      [series({ startTime: '8h30' }), 'startTime'],
      [series({ durationMinutes: 0 }), 'durationMinutes'],
    ] as const) {
      const response = await stack.api<Problem>('POST', '/conference-series', { body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(response)).toEqual([field]);
    }
    const [{ n: seriesCount }] = await stack.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM scheduling.conference_series',
    );
    expect(seriesCount).toBe(2);

    const unknown = '6f1d4c2e-0000-4000-8000-000000000000';
    expect((await stack.api('GET', `/conference-series/${unknown}`)).status).toBe(404);
    expect((await stack.api('GET', `/conference-series/${unknown}/occurrences`)).status).toBe(404);
    const created = await stack.api<SeriesView>('POST', '/conference-series', {
      body: series({ rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1' }),
    });
    const noOffset = await stack.api<Problem>(
      'GET',
      `/conference-series/${created.body.id}/occurrences?from=2027-01-01T00:00:00`,
    );
    expect(noOffset.status).toBe(400);
    expect(fieldsOf(noOffset)).toEqual(['from']);
    const backwards = await stack.api<Problem>(
      'GET',
      `/conference-series/${created.body.id}/occurrences?from=${encodeURIComponent('2027-02-01T00:00:00+07:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+07:00')}`,
    );
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards)).toEqual(['to']);

    const strayConference = await stack.api<Problem>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị của một chuỗi không tồn tại',
        startsAt: '2027-03-01T08:30:00+07:00',
        endsAt: '2027-03-01T10:30:00+07:00',
        venue: 'Hội trường',
        topics: [],
        seriesId: unknown,
      },
    });
    expect(strayConference.status).toBe(400);
    expect(fieldsOf(strayConference)).toEqual(['seriesId']);
  });
});
