import { occurrenceDay, occurrenceDrafts } from './materialization';
import { Occurrence } from './occurrences';

/** What a series gives its drafts, before or after a change. */
export interface SeriesLook {
  title: string;
  venue: string;
  topics: string[];
  /** Its occurrences over a window that covers every draft concerned. */
  occurrences: Occurrence[];
}

/** A draft of the series not yet called, as stored. */
export interface SeriesDraft {
  id: string;
  seriesOccurrence: Date;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  topics: string[];
}

export type DraftChanges = Partial<Omit<SeriesDraft, 'id'>>;

/**
 * How the drafts follow a change of their series: a draft whose day the changed series no longer meets on is
 * removed; the others move to the changed occurrence of their day and take its times, title, venue and topics,
 * each only where the draft still holds what the series gave it (an edit made on the draft itself stays).
 */
export function followSeries(
  drafts: SeriesDraft[],
  before: SeriesLook,
  after: SeriesLook,
  zone: string,
): { remove: string[]; update: Array<{ id: string; changes: DraftChanges }> } {
  const byDay = (look: SeriesLook) =>
    new Map(
      occurrenceDrafts(look.title, look.occurrences, zone).map((d) => [occurrenceDay(d.seriesOccurrence, zone), d]),
    );
  const was = byDay(before);
  const will = byDay(after);
  const remove: string[] = [];
  const update: Array<{ id: string; changes: DraftChanges }> = [];
  for (const draft of drafts) {
    const day = occurrenceDay(draft.seriesOccurrence, zone);
    const next = will.get(day);
    if (!next) {
      remove.push(draft.id);
      continue;
    }
    const given = was.get(day);
    const changes: DraftChanges = {};
    if (next.seriesOccurrence.getTime() !== draft.seriesOccurrence.getTime()) {
      changes.seriesOccurrence = next.seriesOccurrence;
    }
    const timesGiven =
      given?.startsAt.getTime() === draft.startsAt.getTime() && given.endsAt.getTime() === draft.endsAt.getTime();
    if (
      timesGiven &&
      (next.startsAt.getTime() !== draft.startsAt.getTime() || next.endsAt.getTime() !== draft.endsAt.getTime())
    ) {
      changes.startsAt = next.startsAt;
      changes.endsAt = next.endsAt;
    }
    if (given?.title === draft.title && next.title !== draft.title) changes.title = next.title;
    if (draft.venue === before.venue && after.venue !== draft.venue) changes.venue = after.venue;
    if (sameList(draft.topics, before.topics) && !sameList(after.topics, draft.topics)) changes.topics = after.topics;
    if (Object.keys(changes).length > 0) update.push({ id: draft.id, changes });
  }
  return { remove, update };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
