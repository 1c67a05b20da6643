import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar day: an instant (Date or DateTime) read in the calendar's zone, or an ISO date 'YYYY-MM-DD'. */
export type CalendarDay = DateTime | Date | string;

export interface ExtraDayOff {
  /** ISO date 'YYYY-MM-DD'. */
  date: string;
  /** Vietnamese name shown to people, e.g. 'Nghỉ Tết Nguyên Đán'. */
  name?: string;
}

export interface WorkingCalendarOptions {
  /** IANA zone in which instants are read as calendar days. */
  zone?: string;
  /**
   * Days off decided year by year on top of the statutory holidays (the Government's Tết break, compensatory
   * days off when a holiday falls on a weekend, the second day of Quốc khánh): 'YYYY-MM-DD' or { date, name }.
   */
  extraDaysOff?: Array<string | ExtraDayOff>;
}

export const DEFAULT_EXTRA_DAY_OFF_NAME = 'Ngày nghỉ bổ sung';

const WEEKEND_NAMES: Readonly<Record<number, string>> = { 6: 'Thứ Bảy', 7: 'Chủ nhật' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface NamedDay {
  name: string;
  /** True on the day the holiday itself falls on, false on the following days of a multi-day break. */
  own: boolean;
}

/**
 * Working days of a Vietnamese state body: Monday to Friday, except public holidays (from date-holidays, which
 * computes the lunar ones: Tết Nguyên Đán, Giỗ Tổ Hùng Vương) and the configured extra days off.
 */
export class WorkingCalendar {
  readonly zone: string;
  private readonly holidays: Holidays;
  private readonly extraDaysOff = new Map<string, string>();
  private readonly holidayNames = new Map<string, NamedDay>();
  private readonly loadedYears = new Set<number>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.zone = options.zone ?? DEFAULT_ZONE;
    if (!DateTime.now().setZone(this.zone).isValid) throw new RangeError(`Unknown time zone "${this.zone}"`);
    this.holidays = new Holidays('VN', { languages: ['vi', 'en'], timezone: this.zone, types: ['public'] });
    for (const entry of options.extraDaysOff ?? []) {
      const { date, name } = typeof entry === 'string' ? { date: entry, name: undefined } : entry;
      if (!ISO_DATE.test(date) || !DateTime.fromISO(date).isValid) {
        throw new RangeError(`Invalid extra day off "${date}": expected a date YYYY-MM-DD`);
      }
      this.extraDaysOff.set(date, name?.trim() || DEFAULT_EXTRA_DAY_OFF_NAME);
    }
  }

  isWorkingDay(day: CalendarDay): boolean {
    return this.whyNotWorking(day) === null;
  }

  /** Name of the public holiday (Vietnamese, else English) or extra day off on that day, or null. */
  holidayName(day: CalendarDay): string | null {
    const iso = this.toZoned(day).toISODate()!;
    return this.publicHolidayName(iso) ?? this.extraDaysOff.get(iso) ?? null;
  }

  /** Why the day is not a working day ('Thứ Bảy', 'Chủ nhật' or the holiday's name), or null on a working day. */
  whyNotWorking(day: CalendarDay): string | null {
    const zoned = this.toZoned(day);
    return this.holidayName(zoned) ?? WEEKEND_NAMES[zoned.weekday] ?? null;
  }

  /** The first working day on or after the given instant, at the same wall-clock time in the calendar's zone. */
  nextWorkingDay(instant: Date): Date;
  nextWorkingDay(instant: DateTime): DateTime;
  nextWorkingDay(instant: Date | DateTime): Date | DateTime {
    let day = this.toZoned(instant);
    while (!this.isWorkingDay(day)) day = day.plus({ days: 1 });
    return instant instanceof Date ? day.toJSDate() : day;
  }

  /**
   * Moves n working days forward (n < 0: backward), keeping the wall-clock time in the calendar's zone. Days off
   * are skipped, so from a Saturday, +1 is the Monday and -1 the Friday; n = 0 returns the instant unchanged.
   */
  addWorkingDays(instant: Date, n: number): Date;
  addWorkingDays(instant: DateTime, n: number): DateTime;
  addWorkingDays(instant: Date | DateTime, n: number): Date | DateTime {
    if (!Number.isInteger(n)) throw new RangeError(`The number of working days must be an integer, got ${n}`);
    const step = Math.sign(n);
    let day = this.toZoned(instant);
    for (let left = Math.abs(n); left > 0;) {
      day = day.plus({ days: step });
      if (this.isWorkingDay(day)) left--;
    }
    return instant instanceof Date ? day.toJSDate() : day;
  }

  private toZoned(day: CalendarDay): DateTime {
    let zoned: DateTime;
    if (typeof day === 'string') {
      zoned = ISO_DATE.test(day) ? DateTime.fromISO(day, { zone: this.zone }) : DateTime.invalid('not YYYY-MM-DD');
    } else if (day instanceof Date) {
      zoned = DateTime.fromJSDate(day, { zone: this.zone });
    } else {
      zoned = day.setZone(this.zone);
    }
    if (!zoned.isValid) throw new RangeError(`Invalid calendar day: ${String(day)}`);
    return zoned;
  }

  private publicHolidayName(iso: string): string | null {
    const year = Number(iso.slice(0, 4));
    // A break that starts late in December would spill into the next year.
    this.loadYear(year - 1);
    this.loadYear(year);
    return this.holidayNames.get(iso)?.name ?? null;
  }

  private loadYear(year: number): void {
    if (this.loadedYears.has(year)) return;
    this.loadedYears.add(year);
    const holidays = this.holidays.getHolidays(year).map((holiday) => ({
      name: holiday.name,
      days: this.daysBetween(holiday.start, holiday.end),
    }));
    for (const { name, days } of holidays) {
      // date-holidays models the Tết break as "Giao thừa Tết Nguyên Đán" lasting five days: after its first day,
      // name each day after the one-day holiday inside the break, so that 8/2/2027 reads "Tết Nguyên Đán".
      const inner = holidays.find((other) => other.days.length === 1 && days.slice(1).includes(other.days[0]));
      days.forEach((iso, index) => {
        const named: NamedDay = index === 0 ? { name, own: true } : { name: inner?.name ?? name, own: false };
        const existing = this.holidayNames.get(iso);
        if (!existing || (named.own && !existing.own)) this.holidayNames.set(iso, named);
      });
    }
  }

  /** ISO dates of the days in [start, end), as date-holidays gives them (midnights in the zone). */
  private daysBetween(start: Date, end: Date): string[] {
    const days: string[] = [];
    for (let day = DateTime.fromJSDate(start, { zone: this.zone }).startOf('day'); day.toJSDate() < end;) {
      days.push(day.toISODate()!);
      day = day.plus({ days: 1 });
    }
    return days;
  }
}
