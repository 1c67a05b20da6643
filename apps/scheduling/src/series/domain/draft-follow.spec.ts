import { WorkingCalendar } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';
import { followSeries, SeriesDraft, SeriesLook } from './draft-follow';
import { occurrenceDrafts, untakenDrafts } from './materialization';
import { listOccurrences, SeriesSchedule } from './occurrences';

const zone = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const calendar = new WorkingCalendar();
const window = [at('2027-04-01T00:00'), at('2027-06-30T23:59')] as const;

const monthly = (day: number, startTime: string): SeriesSchedule => ({
  rrule: `DTSTART:20270101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=${day}`,
  startTime,
  durationMinutes: 120,
});

const look = (schedule: SeriesSchedule, fields: Partial<SeriesLook> = {}): SeriesLook => ({
  title: 'Giao ban báo chí',
  venue: 'Hội trường UBND tỉnh',
  topics: ['đất đai'],
  occurrences: listOccurrences(schedule, ...window, calendar),
  ...fields,
});

/** The drafts materialised from a look, as stored. */
const draftsOf = (series: SeriesLook): SeriesDraft[] =>
  occurrenceDrafts(series.title, series.occurrences, zone).map((draft, i) => ({
    id: `draft-${i}`,
    ...draft,
    venue: series.venue,
    topics: series.topics,
  }));

describe('drafts following a change of their series', () => {
  // 15 April, 15 June 2027 are Thursday and Tuesday; 15 May 2027 is a Saturday, moved to Monday 17 May.
  const before = look(monthly(15, '09:00'));

  it('move to a new start time on their day, keyed anew, with what else changed', () => {
    const after = look(monthly(15, '14:00'), { venue: 'Phòng họp số 2' });
    const { remove, update } = followSeries(draftsOf(before), before, after, zone);
    expect(remove).toEqual([]);
    expect(update.map((u) => u.changes)).toEqual([
      {
        seriesOccurrence: at('2027-04-15T14:00'),
        startsAt: at('2027-04-15T14:00'),
        endsAt: at('2027-04-15T16:00'),
        venue: 'Phòng họp số 2',
      },
      {
        seriesOccurrence: at('2027-05-15T14:00'),
        startsAt: at('2027-05-17T14:00'),
        endsAt: at('2027-05-17T16:00'),
        venue: 'Phòng họp số 2',
      },
      {
        seriesOccurrence: at('2027-06-15T14:00'),
        startsAt: at('2027-06-15T14:00'),
        endsAt: at('2027-06-15T16:00'),
        venue: 'Phòng họp số 2',
      },
    ]);
  });

  it('keep what was edited on the draft itself', () => {
    const [april, ...rest] = draftsOf(before);
    const edited = {
      ...april,
      title: 'Giao ban tháng 4 (mở rộng)',
      startsAt: at('2027-04-15T08:00'),
      endsAt: at('2027-04-15T11:00'),
      venue: 'Hội trường Báo Đắk Lắk',
    };
    const after = look(monthly(15, '14:00'), { title: 'Giao ban báo chí định kỳ', venue: 'Phòng họp số 2' });
    const { update } = followSeries([edited, ...rest], before, after, zone);
    expect(update[0]).toEqual({ id: april.id, changes: { seriesOccurrence: at('2027-04-15T14:00') } });
    expect(update[1].changes).toMatchObject({
      title: 'Giao ban báo chí định kỳ — ngày 17/05/2027',
      venue: 'Phòng họp số 2',
      startsAt: at('2027-05-17T14:00'),
    });
  });

  it('are removed where the changed rule no longer meets, and leave nothing to change when nothing did', () => {
    const after = look(monthly(20, '09:00'));
    expect(followSeries(draftsOf(before), before, after, zone)).toEqual({
      remove: ['draft-0', 'draft-1', 'draft-2'],
      update: [],
    });
    expect(followSeries(draftsOf(before), before, before, zone)).toEqual({ remove: [], update: [] });
  });
});

describe('drafting the days a series has no conference on yet', () => {
  it('leaves out a day that has one, whatever its time', () => {
    const drafts = occurrenceDrafts('Giao ban', look(monthly(15, '14:00')).occurrences, zone);
    const taken = [at('2027-04-15T09:00'), at('2027-05-15T09:00')];
    expect(untakenDrafts(drafts, taken, zone).map((d) => d.seriesOccurrence)).toEqual([at('2027-06-15T14:00')]);
  });
});
