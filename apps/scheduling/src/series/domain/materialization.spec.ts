import { WorkingCalendar } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';
import { occurrenceDrafts } from './materialization';
import { listOccurrences } from './occurrences';

const zone = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();

describe('occurrenceDrafts', () => {
  const occurrences = listOccurrences(
    { rrule: 'DTSTART:20270101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=6', startTime: '08:30', durationMinutes: 90 },
    at('2027-02-01T00:00'),
    at('2027-03-31T23:59'),
    new WorkingCalendar(),
  );

  it('titles each draft with its date and keys it by where the rule put it', () => {
    expect(occurrenceDrafts('Giao ban báo chí định kỳ', occurrences, zone)).toEqual([
      {
        // 6 February 2027 is Tết Nguyên Đán: the briefing moves to the first working day after the holiday.
        title: 'Giao ban báo chí định kỳ — ngày 10/02/2027',
        startsAt: at('2027-02-10T08:30'),
        endsAt: at('2027-02-10T10:00'),
        seriesOccurrence: at('2027-02-06T08:30'),
      },
      {
        title: 'Giao ban báo chí định kỳ — ngày 08/03/2027',
        startsAt: at('2027-03-08T08:30'),
        endsAt: at('2027-03-08T10:00'),
        seriesOccurrence: at('2027-03-06T08:30'),
      },
    ]);
  });

  it('keys an occurrence that did not move by its start', () => {
    const [draft] = occurrenceDrafts(
      'Giao ban',
      [{ startsAt: at('2027-04-06T08:30'), endsAt: at('2027-04-06T10:00') }],
      zone,
    );
    expect(draft.seriesOccurrence).toEqual(at('2027-04-06T08:30'));
    expect(draft.title).toBe('Giao ban — ngày 06/04/2027');
  });
});
