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
