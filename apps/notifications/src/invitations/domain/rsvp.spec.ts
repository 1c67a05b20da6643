import { StateConflictError, ValidationFailedError, validateInto, RsvpDto } from '@pressconf/contracts';
import { canChangeAnswer, decideAnswer, sameAnswer } from './rsvp';

const now = new Date('2027-03-10T00:00:00Z');
const called = { status: 'CALLED' as const, startsAt: new Date('2027-03-15T02:00:00Z') };

describe('decideAnswer', () => {
  it('accepts, declines and delegates to a named person', () => {
    expect(decideAnswer(called, { response: 'ACCEPT' }, now)).toEqual({
      rsvp: 'ACCEPT',
      delegateName: null,
      delegateTitle: null,
    });
    expect(decideAnswer({ ...called, status: 'RESCHEDULED' }, { response: 'DECLINE' }, now).rsvp).toBe('DECLINE');
    expect(
      decideAnswer(
        called,
        { response: 'DELEGATE', delegateName: ' Trần Văn Bình ', delegateTitle: 'Phó Giám đốc' },
        now,
      ),
    ).toEqual({ rsvp: 'DELEGATE', delegateName: 'Trần Văn Bình', delegateTitle: 'Phó Giám đốc' });
  });

  it('needs the delegate’s name and title', () => {
    expect(() => decideAnswer(called, { response: 'DELEGATE', delegateName: 'Bình' }, now)).toThrow(
      ValidationFailedError,
    );
    try {
      decideAnswer(called, { response: 'DELEGATE', delegateName: '  ' }, now);
    } catch (error) {
      expect((error as ValidationFailedError).errors.map((e) => e.field)).toEqual(['delegateName', 'delegateTitle']);
    }
  });

  it('refuses with 409 once the conference has started, was held or was cancelled', () => {
    for (const conference of [
      { ...called, startsAt: now },
      { ...called, status: 'COMPLETED' as const },
      { ...called, status: 'CANCELLED' as const },
    ]) {
      expect(() => decideAnswer(conference, { response: 'ACCEPT' }, now)).toThrow(StateConflictError);
      expect(canChangeAnswer(conference, now)).toBe(false);
    }
    expect(canChangeAnswer(called, now)).toBe(true);
  });

  it('refuses with 409 once the invitation was withdrawn (the agency was removed after the call)', () => {
    expect(() => decideAnswer(called, { response: 'ACCEPT' }, now, true)).toThrow(
      'The invitation was withdrawn: there is nothing to answer',
    );
    expect(canChangeAnswer(called, now, true)).toBe(false);
  });

  it('tells a repeated answer from a changed one', () => {
    const accept = { rsvp: 'ACCEPT' as const, delegateName: null, delegateTitle: null };
    expect(sameAnswer(accept, { ...accept })).toBe(true);
    expect(sameAnswer(accept, { ...accept, rsvp: 'DECLINE' })).toBe(false);
    const delegate = { rsvp: 'DELEGATE' as const, delegateName: 'A', delegateTitle: 'B' };
    expect(sameAnswer(delegate, { ...delegate, delegateName: 'C' })).toBe(false);
  });
});

describe('RsvpDto', () => {
  const errorsOf = async (body: unknown) =>
    validateInto(RsvpDto, body).then(
      () => [],
      (error: ValidationFailedError) => error.errors.map((e) => e.field),
    );

  it('takes an answer, with the delegate’s name and title for DELEGATE', async () => {
    expect(await errorsOf({ response: 'ACCEPT' })).toEqual([]);
    expect(await errorsOf({ response: 'DELEGATE', delegateName: 'Bình', delegateTitle: 'Phó Giám đốc' })).toEqual([]);
    expect(await errorsOf({ response: 'MAYBE' })).toEqual(['response']);
    expect(await errorsOf({ response: 'DELEGATE' })).toEqual(expect.arrayContaining(['delegateName', 'delegateTitle']));
  });

  it('refuses delegate fields with another answer rather than ignoring them', async () => {
    expect(await errorsOf({ response: 'ACCEPT', delegateName: 'Bình' })).toEqual(['delegateName']);
  });
});
