import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { ValidationFailedError } from '@pressconf/contracts';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { anchoredRule, listOccurrences, MAX_OCCURRENCES, Occurrence, parseRrule, SeriesSchedule } from './occurrences';

const zone = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (date: Date) => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
const show = (o: Occurrence) => ({
  startsAt: local(o.startsAt),
  endsAt: local(o.endsAt),
  ...(o.shiftedFrom ? { shiftedFrom: local(o.shiftedFrom), reason: o.reason } : {}),
});

const calendar = new WorkingCalendar();
const series = (rrule: string, extra: Partial<SeriesSchedule> = {}): SeriesSchedule => ({
  rrule,
  startTime: '08:30',
  durationMinutes: 120,
  ...extra,
});
const year2027 = [at('2027-01-01T00:00'), at('2027-12-31T23:59')] as const;
const between = (rule: SeriesSchedule, from: string, to: string, workingCalendar = calendar) =>
  listOccurrences(rule, at(from), at(to), workingCalendar);
const listErrors = (rule: SeriesSchedule, from = year2027[0], to = year2027[1]) =>
  fieldErrors(() => listOccurrences(rule, from, to, calendar));

const fieldErrors = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors;
  }
  throw new Error('expected a ValidationFailedError');
};

describe('listOccurrences', () => {
  it('moves the monthly briefing off Tết 2027 to the next working day, at the same time', () => {
    const occurrences = listOccurrences(series('FREQ=MONTHLY;BYDAY=2MO'), ...year2027, calendar).map(show);
    expect(occurrences).toHaveLength(12);
    expect(occurrences.slice(0, 3)).toEqual([
      { startsAt: '2027-01-11T08:30', endsAt: '2027-01-11T10:30' },
      {
        startsAt: '2027-02-10T08:30',
        endsAt: '2027-02-10T10:30',
        shiftedFrom: '2027-02-08T08:30',
        reason: 'Trùng Tết Nguyên Đán; chuyển sang ngày làm việc kế tiếp',
      },
      { startsAt: '2027-03-08T08:30', endsAt: '2027-03-08T10:30' },
    ]);
    expect(occurrences.filter((o) => o.shiftedFrom)).toHaveLength(1);
  });

  it('returns instants in UTC that are the wall-clock time in Hồ Chí Minh City', () => {
    const [first] = listOccurrences(series('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1'), ...year2027, calendar);
    expect(first).toEqual({ startsAt: new Date('2027-01-04T01:30:00Z'), endsAt: new Date('2027-01-04T03:30:00Z') });
  });

  it('moves a date on a weekend to the Monday', () => {
    const may = between(series('RRULE:FREQ=MONTHLY;BYMONTHDAY=15'), '2027-05-01T00:00', '2027-05-31T00:00');
    expect(may.map(show)).toEqual([
      {
        startsAt: '2027-05-17T08:30',
        endsAt: '2027-05-17T10:30',
        shiftedFrom: '2027-05-15T08:30',
        reason: 'Trùng Thứ Bảy; chuyển sang ngày làm việc kế tiếp',
      },
    ]);
  });

  it('moves a date past consecutive days off (30/4, 1/5 and the weekend)', () => {
    const [april] = between(series('FREQ=MONTHLY;BYMONTHDAY=30'), '2027-04-01T00:00', '2027-05-10T00:00');
    expect(show(april)).toEqual({
      startsAt: '2027-05-03T08:30',
      endsAt: '2027-05-03T10:30',
      shiftedFrom: '2027-04-30T08:30',
      reason: 'Trùng Ngày Giải phóng miền Nam; chuyển sang ngày làm việc kế tiếp',
    });
  });

  it('honours the extra days off of the calendar', () => {
    const longTet = new WorkingCalendar({
      extraDaysOff: [
        { date: '2027-02-10', name: 'Nghỉ Tết Nguyên Đán' },
        { date: '2027-02-11', name: 'Nghỉ Tết Nguyên Đán' },
      ],
    });
    const [february] = between(series('FREQ=MONTHLY;BYDAY=2MO'), '2027-02-01T00:00', '2027-02-28T00:00', longTet);
    expect(show(february)).toMatchObject({ startsAt: '2027-02-12T08:30', shiftedFrom: '2027-02-08T08:30' });
  });

  it('includes a date before the window that moves into it, and excludes one that moves out of it', () => {
    const rule = series('FREQ=MONTHLY;BYDAY=2MO');
    expect(listOccurrences(rule, at('2027-02-09T00:00'), at('2027-02-28T00:00'), calendar).map(show)).toEqual([
      expect.objectContaining({ startsAt: '2027-02-10T08:30', shiftedFrom: '2027-02-08T08:30' }),
    ]);
    expect(listOccurrences(rule, at('2027-02-01T00:00'), at('2027-02-09T23:59'), calendar)).toEqual([]);
  });

  it('includes both ends of the window', () => {
    const rule = series('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1');
    expect(listOccurrences(rule, at('2027-01-04T08:30'), at('2027-02-01T08:30'), calendar)).toHaveLength(2);
    expect(listOccurrences(rule, at('2027-01-04T08:31'), at('2027-02-01T08:29'), calendar)).toHaveLength(0);
  });

  it('reads DTSTART as a date in the zone, whatever its time and zone', () => {
    const list = (rrule: string) =>
      listOccurrences(series(rrule), ...year2027, calendar)
        .slice(0, 3)
        .map((o) => local(o.startsAt));
    expect(list('DTSTART;TZID=Asia/Ho_Chi_Minh:20270301T150000\nRRULE:FREQ=MONTHLY')).toEqual([
      '2027-03-01T08:30',
      '2027-04-01T08:30',
      '2027-05-03T08:30', // 1/5 is Quốc tế Lao động
    ]);
    // 20:00 UTC on 28/2 is already 1/3 in Hồ Chí Minh City.
    expect(list('DTSTART:20270228T200000Z\nRRULE:FREQ=MONTHLY')).toEqual([
      '2027-03-01T08:30',
      '2027-04-01T08:30',
      '2027-05-03T08:30',
    ]);
    expect(list('DTSTART:20270302\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2')).toEqual([
      '2027-03-02T08:30',
      '2027-03-16T08:30',
    ]);
  });

  it('stops at UNTIL, inclusive of its day', () => {
    const occurrences = listOccurrences(series('FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20270601'), ...year2027, calendar);
    expect(occurrences.map((o) => local(o.startsAt))).toEqual([
      '2027-01-04T08:30', // 1/1 is Tết Dương lịch, then the weekend
      '2027-02-01T08:30',
      '2027-03-01T08:30',
      '2027-04-01T08:30',
      '2027-05-03T08:30',
      '2027-06-01T08:30',
    ]);
  });

  it('keeps one occurrence when several dates move to the same day, the one planned there if any', () => {
    const list = (rrule: string) =>
      listOccurrences(series(rrule), at('2027-03-01T00:00'), at('2027-03-09T00:00'), calendar).map(show);
    expect(list('FREQ=WEEKLY;BYDAY=FR,SA,SU,MO')).toEqual([
      { startsAt: '2027-03-01T08:30', endsAt: '2027-03-01T10:30' },
      { startsAt: '2027-03-05T08:30', endsAt: '2027-03-05T10:30' },
      { startsAt: '2027-03-08T08:30', endsAt: '2027-03-08T10:30' },
    ]);
    expect(list('FREQ=WEEKLY;BYDAY=SA,SU')).toEqual([
      {
        startsAt: '2027-03-01T08:30',
        endsAt: '2027-03-01T10:30',
        shiftedFrom: '2027-02-27T08:30',
        reason: 'Trùng Thứ Bảy; chuyển sang ngày làm việc kế tiếp',
      },
      {
        startsAt: '2027-03-08T08:30',
        endsAt: '2027-03-08T10:30',
        shiftedFrom: '2027-03-06T08:30',
        reason: 'Trùng Thứ Bảy; chuyển sang ngày làm việc kế tiếp',
      },
    ]);
  });

  it(`returns at most ${MAX_OCCURRENCES} occurrences`, () => {
    const occurrences = listOccurrences(
      series('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'),
      at('2027-01-01T00:00'),
      at('2037-01-01T00:00'),
      calendar,
    );
    expect(occurrences).toHaveLength(MAX_OCCURRENCES);
  });

  it('validates the time, duration and window', () => {
    expect(listErrors(series('FREQ=MONTHLY', { startTime: '8:30' }))).toEqual([
      { field: 'startTime', message: 'startTime must be a time HH:mm' },
    ]);
    expect(listErrors(series('FREQ=MONTHLY', { startTime: '24:00' }))).toEqual([
      expect.objectContaining({ field: 'startTime' }),
    ]);
    for (const durationMinutes of [0, 90.5, 1441]) {
      expect(listErrors(series('FREQ=MONTHLY', { durationMinutes }))).toEqual([
        expect.objectContaining({ field: 'durationMinutes' }),
      ]);
    }
    expect(listErrors(series('FREQ=MONTHLY'), year2027[1], year2027[0])).toEqual([
      expect.objectContaining({ field: 'to' }),
    ]);
    expect(listErrors(series('FREQ=MONTHLY', { zone: 'Mars/Olympus' }))).toEqual([
      expect.objectContaining({ field: 'zone' }),
    ]);
  });
});

describe('parseRrule', () => {
  it.each([
    'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1',
    'RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1',
    'rrule:freq=monthly;byday=1mo',
    'DTSTART:20270104T083000\nRRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1',
    'DTSTART;TZID=Asia/Ho_Chi_Minh:20270104T083000\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO',
    'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1;COUNT=5',
    'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T170000Z',
  ])('accepts %j', (text) => {
    expect(parseRrule(text)).toBeDefined();
  });

  it('yields floating dates from the DTSTART date in the zone', () => {
    const rule = parseRrule('DTSTART:20270104T200000Z\nFREQ=MONTHLY;BYDAY=MO;BYSETPOS=1;COUNT=2');
    expect(rule.all()).toEqual([new Date('2027-02-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z')]);
  });

  it.each([
    ['', 'the rule is empty'],
    ['garbage', '"garbage" is not KEY=VALUE'],
    ['BYDAY=MO', 'FREQ is required'],
    ['FREQ=DAILY', 'FREQ=DAILY is not valid'],
    ['FREQ=HOURLY', 'FREQ=HOURLY is not valid'],
    ['FREQ=FOO', 'FREQ=FOO is not valid'],
    ['FREQ=MONTHLY;FREQ=WEEKLY', 'FREQ is given twice'],
    ['FREQ=MONTHLY;BYHOUR=9', 'BYHOUR is not supported'],
    ['FREQ=MONTHLY;FOO=1', 'FOO is not supported'],
    ['FREQ=WEEKLY;INTERVAL=abc', 'INTERVAL=ABC is not valid'],
    ['FREQ=WEEKLY;INTERVAL=0', 'INTERVAL=0 is not valid'],
    ['FREQ=MONTHLY;COUNT=-1', 'COUNT=-1 is not valid'],
    ['FREQ=MONTHLY;BYDAY=XX', 'BYDAY=XX is not valid'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY=32 is not valid'],
    ['FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', 'BYSETPOS=0 is not valid'],
    ['FREQ=MONTHLY;UNTIL=2027', 'UNTIL=2027 is not valid'],
    ['FREQ=MONTHLY;UNTIL=20271340', 'UNTIL 20271340 is not valid'],
    ['FREQ=MONTHLY;COUNT=3;UNTIL=20271231', 'COUNT and UNTIL cannot be used together'],
    ['RRULE:FREQ=MONTHLY\nEXDATE:20270101', 'unexpected line "EXDATE:20270101"'],
    ['RRULE:FREQ=MONTHLY\nRRULE:FREQ=WEEKLY', 'unexpected line "RRULE:FREQ=WEEKLY"'],
    ['DTSTART:2027\nFREQ=MONTHLY', 'DTSTART 2027 is not a date or date-time'],
    ['DTSTART;TZID=Mars/Olympus:20270101T090000\nFREQ=MONTHLY', 'DTSTART 20270101T090000 is not valid'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'the rule never produces a date'],
  ])('refuses %j on field rrule', (text, message) => {
    expect(fieldErrors(() => parseRrule(text))).toEqual([
      // @types/jest types the asymmetric matchers `any`; `unknown` is what they are to the compiler.
      { field: 'rrule', message: expect.stringContaining(message) as unknown },
    ]);
  });

  // Scanning up to year 9999 takes several seconds for a weekly rule; the probe starts at most two 400-year calendar
  // cycles before it (checked by where it starts, not by the clock, which a busy machine makes meaningless).
  it.each([
    'FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=WEEKLY;BYSETPOS=8;BYDAY=MO',
    'FREQ=MONTHLY;BYSETPOS=6;BYDAY=MO',
  ])('refuses the impossible %j without scanning to year 9999', (text) => {
    const after = jest.spyOn(RRule.prototype, 'after');
    try {
      expect(() => parseRrule(text)).toThrow(ValidationFailedError);
      const probes = (after.mock.contexts as RRule[]).map((rule) => rule.options.dtstart.getUTCFullYear());
      expect(probes).toHaveLength(1);
      expect(probes[0]).toBeGreaterThanOrEqual(9999 - 2 * 400);
    } finally {
      after.mockRestore();
    }
  });

  it('accepts rare but possible rules (29 February on a Monday)', () => {
    const rule = parseRrule('DTSTART:20270101\nFREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO');
    expect(rule.after(new Date('2027-01-01'))).toEqual(new Date('2044-02-29T00:00:00Z'));
  });
});

describe('anchoredRule', () => {
  const day = DateTime.fromISO('2027-01-15', { zone });

  it.each(['FREQ=MONTHLY;INTERVAL=2', 'RRULE:FREQ=MONTHLY;INTERVAL=2', '  rrule:FREQ=MONTHLY;INTERVAL=2\n'])(
    'anchors %j on the given day',
    (text) => {
      expect(anchoredRule(text, day)).toBe('DTSTART:20270115\nRRULE:FREQ=MONTHLY;INTERVAL=2');
    },
  );

  it('keeps a rule that has its own DTSTART', () => {
    expect(anchoredRule(' DTSTART:20270104T083000\r\nRRULE:FREQ=MONTHLY ', day)).toBe(
      'DTSTART:20270104T083000\nRRULE:FREQ=MONTHLY',
    );
  });

  it('fixes the phase of a rule whatever the window asked for', () => {
    const rule = anchoredRule('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15', day);
    const starts = (from: string) =>
      listOccurrences(
        { rrule: rule, startTime: '08:30', durationMinutes: 60 },
        at(from),
        at('2027-12-31T00:00'),
        calendar,
      ).map((o) => local(o.startsAt).slice(0, 7));
    expect(starts('2027-02-01T00:00')).toEqual(['2027-03', '2027-05', '2027-07', '2027-09', '2027-11']);
    expect(starts('2027-04-01T00:00')).toEqual(['2027-05', '2027-07', '2027-09', '2027-11']);
  });
});
