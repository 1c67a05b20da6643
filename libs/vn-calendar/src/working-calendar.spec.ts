import { DateTime } from 'luxon';
import { DEFAULT_EXTRA_DAY_OFF_NAME, WorkingCalendar } from './working-calendar';

const zone = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (date: Date) => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  describe('Tết Nguyên Đán 2027 (mùng 1 on Saturday 6/2/2027)', () => {
    it('is off from Giao thừa (Friday 5/2) to Tuesday 9/2', () => {
      const tet = ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'];
      expect(tet.map((day) => calendar.isWorkingDay(day))).toEqual([false, false, false, false, false]);
      expect(calendar.isWorkingDay('2027-02-04')).toBe(true);
      expect(calendar.isWorkingDay('2027-02-10')).toBe(true);
    });

    it('names the days in Vietnamese', () => {
      expect(calendar.holidayName('2027-02-05')).toBe('Giao thừa Tết Nguyên Đán');
      expect(calendar.holidayName('2027-02-06')).toBe('Tết Nguyên Đán');
      expect(calendar.holidayName('2027-02-08')).toBe('Tết Nguyên Đán');
      expect(calendar.holidayName('2027-02-09')).toBe('Tết Nguyên Đán');
      expect(calendar.holidayName('2027-02-10')).toBeNull();
    });

    it('prefers the holiday over the weekend as the reason for a day off', () => {
      expect(calendar.whyNotWorking('2027-02-06')).toBe('Tết Nguyên Đán');
      expect(calendar.whyNotWorking('2027-02-07')).toBe('Tết Nguyên Đán');
    });
  });

  it('knows the fixed public holidays', () => {
    expect(calendar.holidayName('2027-01-01')).toBe('Tết Dương lịch');
    expect(calendar.holidayName('2027-04-30')).toBe('Ngày Giải phóng miền Nam');
    expect(calendar.holidayName('2027-05-01')).toBe('Quốc tế Lao động');
    expect(calendar.holidayName('2027-09-02')).toBe('Quốc khánh');
    expect(calendar.isWorkingDay('2027-04-30')).toBe(false);
    expect(calendar.isWorkingDay('2027-09-02')).toBe(false);
  });

  it('computes Giỗ Tổ Hùng Vương (10/3 âm lịch) from the lunar calendar', () => {
    expect(calendar.holidayName('2026-04-26')).toMatch(/^Giỗ tổ Hùng Vương$/i);
    expect(calendar.holidayName('2027-04-16')).toMatch(/^Giỗ tổ Hùng Vương$/i);
    expect(calendar.isWorkingDay('2027-04-16')).toBe(false);
  });

  it('ignores observances that are not days off', () => {
    expect(calendar.holidayName('2027-02-03')).toBeNull(); // Ngày thành lập Đảng, a Wednesday
    expect(calendar.isWorkingDay('2027-03-08')).toBe(true); // Quốc tế Phụ nữ, a Monday
  });

  it('treats weekends as days off', () => {
    expect(calendar.whyNotWorking('2027-03-06')).toBe('Thứ Bảy');
    expect(calendar.whyNotWorking('2027-03-07')).toBe('Chủ nhật');
    expect(calendar.whyNotWorking('2027-03-08')).toBeNull();
    expect(calendar.isWorkingDay('2027-03-05')).toBe(true);
  });

  it('reads instants in the calendar zone, not in UTC', () => {
    // 18:00 UTC on Thursday 4/2 is 01:00 on Friday 5/2 (Giao thừa) in Hồ Chí Minh City.
    expect(calendar.isWorkingDay(new Date('2027-02-04T18:00:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2027-02-04T16:59:59Z'))).toBe(true);
    expect(calendar.isWorkingDay(DateTime.fromISO('2027-02-05T00:30', { zone: 'Europe/Paris' }))).toBe(false);
    expect(new WorkingCalendar({ zone: 'UTC' }).isWorkingDay(new Date('2027-02-04T18:00:00Z'))).toBe(true);
  });

  it('rejects malformed days and zones', () => {
    expect(() => calendar.isWorkingDay('05/02/2027')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2027-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay(new Date(NaN))).toThrow(RangeError);
    expect(() => new WorkingCalendar({ zone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  describe('extra days off', () => {
    const withBreak = new WorkingCalendar({
      extraDaysOff: ['2027-02-04', { date: '2027-02-10', name: 'Nghỉ Tết Nguyên Đán' }],
    });

    it('are days off with their name, or a default one', () => {
      expect(withBreak.isWorkingDay('2027-02-04')).toBe(false);
      expect(withBreak.holidayName('2027-02-04')).toBe(DEFAULT_EXTRA_DAY_OFF_NAME);
      expect(withBreak.whyNotWorking('2027-02-10')).toBe('Nghỉ Tết Nguyên Đán');
      expect(withBreak.nextWorkingDay(at('2027-02-04T09:00'))).toEqual(at('2027-02-11T09:00'));
    });

    it('must be ISO dates', () => {
      expect(() => new WorkingCalendar({ extraDaysOff: ['10/02/2027'] })).toThrow(
        /Invalid extra day off "10\/02\/2027"/,
      );
      expect(() => new WorkingCalendar({ extraDaysOff: [{ date: '2027-13-01' }] })).toThrow(RangeError);
    });
  });

  describe('nextWorkingDay', () => {
    it('returns the same instant on a working day', () => {
      expect(calendar.nextWorkingDay(at('2027-02-04T15:30'))).toEqual(at('2027-02-04T15:30'));
    });

    it('skips the weekend and Tết, keeping the wall-clock time', () => {
      expect(local(calendar.nextWorkingDay(at('2027-03-06T09:00')))).toBe('2027-03-08T09:00');
      expect(local(calendar.nextWorkingDay(at('2027-02-05T08:00')))).toBe('2027-02-10T08:00');
      // Friday 30/4, Saturday 1/5 and Sunday 2/5/2027 are all off.
      expect(local(calendar.nextWorkingDay(at('2027-04-30T14:00')))).toBe('2027-05-03T14:00');
    });

    it('returns a DateTime in the calendar zone for a DateTime', () => {
      const next = calendar.nextWorkingDay(DateTime.fromISO('2027-09-02T09:00', { zone }));
      expect(next.toISO()).toBe('2027-09-03T09:00:00.000+07:00');
    });
  });

  describe('addWorkingDays', () => {
    it('counts working days forward across Tết', () => {
      expect(local(calendar.addWorkingDays(at('2027-02-04T10:00'), 1))).toBe('2027-02-10T10:00');
      expect(local(calendar.addWorkingDays(at('2027-02-03T10:00'), 2))).toBe('2027-02-10T10:00');
      expect(local(calendar.addWorkingDays(at('2027-02-01T10:00'), 7))).toBe('2027-02-15T10:00');
    });

    it('counts working days backward across Tết, keeping the wall-clock time', () => {
      expect(local(calendar.addWorkingDays(at('2027-02-10T09:00'), -1))).toBe('2027-02-04T09:00');
      expect(local(calendar.addWorkingDays(at('2027-02-11T09:00'), -2))).toBe('2027-02-04T09:00');
      expect(local(calendar.addWorkingDays(at('2027-03-08T07:30'), -1))).toBe('2027-03-05T07:30');
    });

    it('starts counting from a day off', () => {
      expect(local(calendar.addWorkingDays(at('2027-03-06T09:00'), 1))).toBe('2027-03-08T09:00');
      expect(local(calendar.addWorkingDays(at('2027-03-06T09:00'), -1))).toBe('2027-03-05T09:00');
    });

    it('returns the instant unchanged for 0 and refuses fractions', () => {
      expect(calendar.addWorkingDays(at('2027-03-06T09:00'), 0)).toEqual(at('2027-03-06T09:00'));
      expect(() => calendar.addWorkingDays(at('2027-03-06T09:00'), 1.5)).toThrow(RangeError);
    });

    it('works on DateTime too', () => {
      const due = calendar.addWorkingDays(DateTime.fromISO('2027-05-03T09:00', { zone }), -2);
      expect(due.toISO()).toBe('2027-04-28T09:00:00.000+07:00');
    });
  });
});
