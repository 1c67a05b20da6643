import { DateTime } from 'luxon';

/** The calendar day an instant falls in where people are (TZ_DISPLAY): from its midnight to the next one. */
export function localDay(instant: Date, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromJSDate(instant, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}
