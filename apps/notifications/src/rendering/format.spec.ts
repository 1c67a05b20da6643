import {
  FORMATTED_TEXTS_KEPT,
  formatDate,
  formatDateTime,
  formatTimeRange,
  kindLabel,
  resolveLocale,
  toZoned,
  zoneLabel,
} from './format';

describe('format', () => {
  // 02:00 UTC is 09:00 in Asia/Ho_Chi_Minh, a Monday.
  const start = '2027-03-15T02:00:00Z';
  const end = '2027-03-15T04:00:00Z';

  it('shows instants in Vietnamese, in Asia/Ho_Chi_Minh by default', () => {
    expect(formatDateTime(start)).toBe('09:00, thứ Hai, ngày 15/3/2027');
    expect(formatDateTime(new Date(start))).toBe('09:00, thứ Hai, ngày 15/3/2027');
    expect(formatDate('2027-03-20T17:30:00Z')).toBe('Chủ nhật, ngày 21/3/2027');
  });

  it('reads offsets other than UTC', () => {
    expect(formatDateTime('2027-03-15T09:00:00+07:00')).toBe('09:00, thứ Hai, ngày 15/3/2027');
  });

  it('shows English and other zones on request', () => {
    expect(formatDateTime(start, 'en')).toBe('09:00, Monday, 15 March 2027');
    expect(formatDateTime(start, 'vi', 'UTC')).toBe('02:00, thứ Hai, ngày 15/3/2027');
  });

  it('shortens a range within one day and spells out one across days', () => {
    expect(formatTimeRange(start, end)).toBe('09:00 – 11:00, thứ Hai, ngày 15/3/2027');
    expect(formatTimeRange(start, '2027-03-16T02:00:00Z', 'en')).toBe(
      '09:00, Monday, 15 March 2027 – 09:00, Tuesday, 16 March 2027',
    );
  });

  it('gives the same text from memory, and stays right past what it keeps', () => {
    const hours = Array.from({ length: FORMATTED_TEXTS_KEPT + 50 }, (_, i) => new Date(Date.UTC(2027, 0, 1, i)));
    const first = hours.map((at) => formatDateTime(at));
    expect(hours.map((at) => formatDateTime(at))).toEqual(first);
    expect(first[FORMATTED_TEXTS_KEPT + 49]).toBe('00:00, Chủ nhật, ngày 14/2/2027');
    expect(formatDateTime(hours[0], 'en')).toBe('07:00, Friday, 1 January 2027');
    expect(formatDateTime(hours[0], 'vi', 'UTC')).toBe('00:00, thứ Sáu, ngày 1/1/2027');
  });

  it('labels conference kinds', () => {
    expect(kindLabel('PERIODIC')).toBe('định kỳ');
    expect(kindLabel('EXTRAORDINARY')).toBe('đột xuất');
    expect(kindLabel('EXTRAORDINARY', 'en')).toBe('extraordinary');
  });

  it('resolves free-form locale preferences', () => {
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('vi_VN')).toBe('vi');
    expect(resolveLocale('fr')).toBe('vi');
    expect(resolveLocale(undefined)).toBe('vi');
  });

  it('names the zone', () => {
    expect(zoneLabel()).toBe('giờ Việt Nam (UTC+07:00)');
    expect(zoneLabel('Asia/Ho_Chi_Minh', 'en')).toBe('Vietnam time (UTC+07:00)');
    expect(zoneLabel('UTC')).toBe('UTC (UTC+00:00)');
  });

  it('refuses invalid instants and zones', () => {
    expect(() => toZoned('not a date')).toThrow(RangeError);
    expect(() => toZoned(start, 'Mars/Olympus')).toThrow(RangeError);
  });
});
