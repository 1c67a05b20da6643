import { localDay } from './local-day';

describe('localDay', () => {
  it('runs from midnight to midnight in the display time zone, not in UTC', () => {
    // 23:30 UTC on 1 December is 06:30 on 2 December in Asia/Ho_Chi_Minh (UTC+7).
    const day = localDay(new Date('2026-12-01T23:30:00Z'), 'Asia/Ho_Chi_Minh');
    expect(day.start.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });
});
