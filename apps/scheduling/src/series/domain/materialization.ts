import { DateTime } from 'luxon';
import { Occurrence } from './occurrences';

/** A PERIODIC draft conference for one occurrence of a series. */
export interface OccurrenceDraft {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Where the rule put it: the key that makes materialising idempotent, whatever happens to the draft later. */
  seriesOccurrence: Date;
}

/** Each occurrence as a draft, titled with its date in the zone so that the drafts of one series stand apart. */
export function occurrenceDrafts(title: string, occurrences: Occurrence[], zone: string): OccurrenceDraft[] {
  return occurrences.map((occurrence) => ({
    title: `${title} — ngày ${DateTime.fromJSDate(occurrence.startsAt, { zone }).toFormat('dd/LL/yyyy')}`,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    seriesOccurrence: occurrence.shiftedFrom ?? occurrence.startsAt,
  }));
}

/** The day, in the zone, of an occurrence's key: a series meets at most once a day, so the day names it. */
export function occurrenceDay(seriesOccurrence: Date, zone: string): string {
  return DateTime.fromJSDate(seriesOccurrence, { zone }).toISODate() ?? '';
}

/**
 * The drafts for days that have no conference of the series yet (`taken`: the keys of those it has, in any state).
 * By day rather than by instant, so that moving the series' start time neither drafts a second conference on a day
 * nor brings back one that was cancelled or called.
 */
export function untakenDrafts(drafts: OccurrenceDraft[], taken: Date[], zone: string): OccurrenceDraft[] {
  const days = new Set(taken.map((key) => occurrenceDay(key, zone)));
  return drafts.filter((draft) => !days.has(occurrenceDay(draft.seriesOccurrence, zone)));
}
