import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { DomainRuleError, ValidationFailedError } from '@pressconf/contracts';
import { assertCoHostRequestFits, assertConvenedInTime, assertTimeWindow, conveneByOf } from './conference-rules';

/** What `call` throws, to compare with asymmetric matchers (the typings of `toThrow` do not accept them). */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('assertTimeWindow', () => {
  const start = new Date('2027-03-02T02:00:00Z');

  it('accepts an end after the start', () => {
    expect(() => assertTimeWindow(start, new Date(start.getTime() + 1))).not.toThrow();
  });

  it.each([
    ['equal to', 0],
    ['before', -60_000],
  ])('refuses an end %s the start, on field endsAt', (_, offset) => {
    const call = () => assertTimeWindow(start, new Date(start.getTime() + offset));
    expect(call).toThrow(ValidationFailedError);
    expect(thrownBy(call)).toEqual(
      expect.objectContaining({ errors: [{ field: 'endsAt', message: 'endsAt must be after startsAt' }] }),
    );
  });

  it('names the field that is not a date', () => {
    expect(thrownBy(() => assertTimeWindow(new Date(NaN), start))).toEqual(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'startsAt' })] }),
    );
    expect(thrownBy(() => assertTimeWindow(start, new Date(NaN)))).toEqual(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'endsAt' })] }),
    );
  });
});

describe('conveneByOf', () => {
  it('is 24 hours after the detection', () => {
    expect(conveneByOf(new Date('2027-03-01T09:00:00Z'))).toEqual(new Date('2027-03-02T09:00:00Z'));
    expect(conveneByOf(new Date('2027-02-28T20:30:15.250Z'))).toEqual(new Date('2027-03-01T20:30:15.250Z'));
  });
});

describe('assertConvenedInTime', () => {
  const conveneBy = new Date('2027-03-02T09:00:00.000Z');

  it('allows a start before or exactly at the deadline', () => {
    expect(() => assertConvenedInTime(new Date(conveneBy.getTime() - 1), conveneBy)).not.toThrow();
    expect(() => assertConvenedInTime(conveneBy, conveneBy)).not.toThrow();
  });

  it('refuses a start one millisecond after the deadline, naming it in UTC and local time', () => {
    const call = () => assertConvenedInTime(new Date(conveneBy.getTime() + 1), conveneBy);
    expect(call).toThrow(DomainRuleError);
    expect(thrownBy(call)).toEqual(
      expect.objectContaining({
        status: 422,
        rule: '24-hour-rule',
        message:
          "An extraordinary conference must be convened within 24 hours of the incident's detection: " +
          'it must start by 2027-03-02T09:00:00.000Z (16:00 02/03/2027 Asia/Ho_Chi_Minh)',
      }),
    );
  });

  it('formats the deadline in the given zone', () => {
    expect(() => assertConvenedInTime(new Date('2027-03-03T00:00:00Z'), conveneBy, 'UTC')).toThrow(
      /\(09:00 02\/03\/2027 UTC\)$/,
    );
  });
});

describe('assertCoHostRequestFits', () => {
  const now = new Date('2027-03-02T09:00:00Z');

  it('records a request sent before now with an extraordinary conference', () => {
    expect(() => assertCoHostRequestFits('EXTRAORDINARY', new Date('2027-03-02T08:00:00Z'), now)).not.toThrow();
  });

  it('tolerates a few minutes of clock difference, not more', () => {
    expect(() => assertCoHostRequestFits('EXTRAORDINARY', new Date(now.getTime() + 5 * 60_000), now)).not.toThrow();
    expect(
      thrownBy(() => assertCoHostRequestFits('EXTRAORDINARY', new Date(now.getTime() + 5 * 60_000 + 1), now)),
    ).toEqual(expect.objectContaining({ errors: [{ field: 'sentAt', message: 'sentAt must not be in the future' }] }));
  });

  it('refuses it for a periodic conference as a domain rule', () => {
    expect(thrownBy(() => assertCoHostRequestFits('PERIODIC', now, now))).toEqual(
      expect.objectContaining({ status: 422, rule: 'co-host-request' }),
    );
  });
});
