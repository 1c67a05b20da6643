import { ValidationFailedError } from '@pressconf/contracts';
import { DEFAULT_ZONE, WorkingCalendar } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';
import { Options, RRule } from 'rrule';

/** Most occurrences returned by one listing. */
export const MAX_OCCURRENCES = 500;

export interface SeriesSchedule {
  /** RFC 5545 rule, e.g. `FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1`, optionally with an `RRULE:` prefix and a DTSTART line. */
  rrule: string;
  /** Wall-clock start time 'HH:mm' in the zone. */
  startTime: string;
  durationMinutes: number;
  /** Zone of the wall-clock dates and time; the calendar's zone by default. */
  zone?: string;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /** Where the rule put it, when that day was not a working day. */
  shiftedFrom?: Date;
  /** Why it moved, in Vietnamese, e.g. "Trùng Tết Nguyên Đán; chuyển sang ngày làm việc kế tiếp". */
  reason?: string;
}

/** A conference series meets at most weekly, and the time of day comes from `startTime`, not from the rule. */
const RULE_PARTS: Readonly<Record<string, (value: string) => boolean>> = {
  FREQ: (value) => ['WEEKLY', 'MONTHLY', 'YEARLY'].includes(value),
  INTERVAL: (value) => /^[1-9]\d?$/.test(value),
  COUNT: (value) => /^[1-9]\d{0,3}$/.test(value),
  UNTIL: (value) => /^\d{8}(T\d{6}Z?)?$/.test(value),
  WKST: (value) => /^(MO|TU|WE|TH|FR|SA|SU)$/.test(value),
  BYDAY: (value) => value.split(',').every((day) => /^([+-]?([1-9]|[1-4]\d|5[0-3]))?(MO|TU|WE|TH|FR|SA|SU)$/.test(day)),
  BYMONTHDAY: numbers(31, true),
  BYYEARDAY: numbers(366, true),
  BYWEEKNO: numbers(53, true),
  BYMONTH: numbers(12, false),
  BYSETPOS: numbers(366, true),
};

const FREQ_HINT = ': a series meets weekly, monthly or yearly';
const PART_HINT = Object.keys(RULE_PARTS).join(', ');

/** rrule iterates up to this year; an empty rule scans every period until then. */
const RRULE_MAX_YEAR = 9999;
/** The Gregorian calendar repeats every 400 years, a whole number of days and weeks. */
const CALENDAR_CYCLE_YEARS = 400;

/**
 * Parses an RFC 5545 recurrence rule: `[DTSTART[;TZID=…]:…\n][RRULE:]FREQ=…;…`. DTSTART and UNTIL are read as dates
 * in the zone; the returned rule yields "floating" dates (their UTC fields are the wall-clock date, at 00:00).
 */
export function parseRrule(text: string, zone = DEFAULT_ZONE): RRule {
  let dtstartLine: string | undefined;
  let ruleLine: string | undefined;
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const upper = line.toUpperCase();
    if (/^DTSTART[;:]/.test(upper) && dtstartLine === undefined) dtstartLine = line;
    else if (upper.startsWith('RRULE:') && ruleLine === undefined) ruleLine = line.slice(6);
    else if (!line.includes(':') && ruleLine === undefined) ruleLine = line;
    else throw invalid(`unexpected line "${line}": give one RRULE and at most one DTSTART`);
  }
  if (ruleLine === undefined) throw invalid('the rule is empty');

  const parts = new Map<string, string>();
  for (const part of ruleLine.split(';').filter(Boolean)) {
    const [key, value, ...rest] = part.split('=').map((s) => s.trim().toUpperCase());
    if (!key || value === undefined || rest.length > 0) throw invalid(`"${part}" is not KEY=VALUE`);
    if (parts.has(key)) throw invalid(`${key} is given twice`);
    const check = RULE_PARTS[key];
    if (!check) throw invalid(`${key} is not supported; use ${PART_HINT}`);
    if (!check(value)) throw invalid(`${key}=${value} is not valid${key === 'FREQ' ? FREQ_HINT : ''}`);
    parts.set(key, value);
  }
  if (!parts.has('FREQ')) throw invalid('FREQ is required');
  if (parts.has('COUNT') && parts.has('UNTIL')) throw invalid('COUNT and UNTIL cannot be used together');

  let options: Partial<Options>;
  try {
    options = RRule.parseString([...parts].map(([key, value]) => `${key}=${value}`).join(';'));
  } catch (error) {
    throw invalid((error as Error).message);
  }
  if (dtstartLine !== undefined) options.dtstart = floating(parseDtstart(dtstartLine, zone));
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    // UNTIL is inclusive: the whole of its day in the zone, since the time of day comes from startTime.
    const day = readDateTime(until, zone, zone, 'UNTIL');
    options.until = new Date(Date.UTC(day.year, day.month - 1, day.day, 23, 59, 59));
  }

  let rule: RRule;
  try {
    rule = new RRule({ ...options, tzid: null });
  } catch (error) {
    throw invalid((error as Error).message);
  }
  if (neverOccurs(rule)) throw invalid('the rule never produces a date');
  return rule;
}

/**
 * The rule with a DTSTART line, `day` when it has none. Without one, a rule that takes its day or phase from the
 * start (a bare FREQ=MONTHLY, an INTERVAL above 1) would follow the window of each listing: a stored series must
 * not drift. Call it with a rule that `parseRrule` accepts.
 */
export function anchoredRule(text: string, day: DateTime): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.some((line) => /^DTSTART[;:]/i.test(line))) return lines.join('\n');
  return `DTSTART:${day.toFormat('yyyyLLdd')}\nRRULE:${lines[0].replace(/^RRULE:/i, '')}`;
}

/**
 * Occurrences of a series that start within [from, to], at most MAX_OCCURRENCES. One that falls on a weekend,
 * public holiday or extra day off moves to the next working day at the same wall-clock time. A rule without
 * DTSTART starts from `from`, which only matters for rules that take their day or phase from the start (a bare
 * FREQ=MONTHLY, an INTERVAL above 1).
 */
export function listOccurrences(series: SeriesSchedule, from: Date, to: Date, calendar: WorkingCalendar): Occurrence[] {
  const zone = series.zone ?? calendar.zone;
  if (!DateTime.now().setZone(zone).isValid) {
    throw new ValidationFailedError([{ field: 'zone', message: `zone "${zone}" is not a known time zone` }]);
  }
  const rule = parseRrule(series.rrule, zone);
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(series.startTime);
  if (!time) throw new ValidationFailedError([{ field: 'startTime', message: 'startTime must be a time HH:mm' }]);
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const { durationMinutes } = series;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 24 * 60) {
    throw new ValidationFailedError([
      { field: 'durationMinutes', message: 'durationMinutes must be a whole number of minutes, 1 to 1440' },
    ]);
  }
  if (!(from.getTime() <= to.getTime())) {
    throw new ValidationFailedError([{ field: 'to', message: 'to must be a date-time not before from' }]);
  }

  // Dates that fall on the days off just before `from` move forward into the window.
  let firstDay = DateTime.fromJSDate(from, { zone }).startOf('day');
  while (!calendar.isWorkingDay(firstDay.minus({ days: 1 }))) firstDay = firstDay.minus({ days: 1 });
  const lastDay = DateTime.fromJSDate(to, { zone }).startOf('day');
  const dated = rule.origOptions.dtstart ? rule : new RRule({ ...rule.origOptions, dtstart: floating(firstDay) });

  const occurrences: Occurrence[] = [];
  dated.between(floating(firstDay), floating(lastDay), true, (date) => {
    const planned = DateTime.fromObject(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute },
      { zone },
    );
    const dayOff = calendar.whyNotWorking(planned);
    const start = dayOff ? calendar.nextWorkingDay(planned) : planned;
    const startsAt = start.toJSDate();
    if (startsAt < from || startsAt > to) return true;
    const occurrence: Occurrence = {
      startsAt,
      endsAt: start.plus({ minutes: durationMinutes }).toJSDate(),
      ...(dayOff ? { shiftedFrom: planned.toJSDate(), reason: shiftReason(dayOff) } : {}),
    };
    // Shifting keeps the order, so dates moved to the same day are neighbours, before the date planned on that day
    // if there is one: keep a single occurrence, the planned one if any.
    const previous = occurrences.at(-1);
    if (previous?.startsAt.getTime() !== startsAt.getTime()) occurrences.push(occurrence);
    else if (!dayOff) occurrences[occurrences.length - 1] = occurrence;
    return occurrences.length < MAX_OCCURRENCES;
  });
  return occurrences;
}

function shiftReason(dayOff: string): string {
  return `Trùng ${dayOff}; chuyển sang ngày làm việc kế tiếp`;
}

function numbers(max: number, signed: boolean): (value: string) => boolean {
  const item = signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
  return (value) =>
    value.split(',').every((n) => item.test(n) && Math.abs(Number(n)) >= 1 && Math.abs(Number(n)) <= max);
}

/** DTSTART[;TZID=zone]:YYYYMMDD[THHmmss[Z]] → its date-time in the series zone. */
function parseDtstart(line: string, zone: string): DateTime {
  const colon = line.indexOf(':');
  const tzid = line
    .slice(0, colon)
    .split(';')
    .find((param) => /^TZID=/i.test(param))
    ?.slice(5);
  return readDateTime(
    line
      .slice(colon + 1)
      .trim()
      .toUpperCase(),
    tzid ?? zone,
    zone,
    'DTSTART',
  );
}

/** YYYYMMDD[THHmmss[Z]] written in `writtenIn` (UTC when it ends with Z), read in `zone`. */
function readDateTime(value: string, writtenIn: string, zone: string, name: string): DateTime {
  if (!/^\d{8}(T\d{6}Z?)?$/.test(value)) throw invalid(`${name} ${value} is not a date or date-time`);
  const format = value.includes('T') ? "yyyyLLdd'T'HHmmss" : 'yyyyLLdd';
  const written = DateTime.fromFormat(value.replace(/Z$/, ''), format, {
    zone: value.endsWith('Z') ? 'utc' : writtenIn,
  });
  if (!written.isValid) {
    throw invalid(`${name} ${value} is not valid (${written.invalidExplanation ?? written.invalidReason})`);
  }
  return written.setZone(zone);
}

/** The wall-clock date as a "floating" rrule date: UTC midnight of the same calendar date. */
function floating(day: DateTime): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

/**
 * rrule scans every period up to year 9999 looking for a match, so an impossible rule (30 February) would take
 * seconds on every listing. Moving the start by whole calendar cycles keeps the pattern and leaves at most
 * two cycles to scan.
 */
function neverOccurs(rule: RRule): boolean {
  const start = new Date(rule.options.dtstart);
  const year = start.getUTCFullYear();
  const cycles = Math.floor((RRULE_MAX_YEAR - CALENDAR_CYCLE_YEARS - year) / CALENDAR_CYCLE_YEARS);
  start.setUTCFullYear(year + cycles * CALENDAR_CYCLE_YEARS);
  const probe = new RRule({ ...rule.origOptions, dtstart: start, count: null, until: null });
  return probe.after(start, true) === null;
}

function invalid(message: string): ValidationFailedError {
  return new ValidationFailedError([{ field: 'rrule', message }]);
}
