import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { ConferenceStatus, ConferenceStatuses, StateConflictError } from '@pressconf/contracts';
import { assertCanChange, ConferenceAction, ConferenceChange, isAnnounced, nextStatus } from './conference-lifecycle';

/** What `call` throws, to compare with asymmetric matchers (the typings of `toThrow` do not accept them). */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const actions: ConferenceAction[] = ['call', 'reschedule', 'cancel', 'complete'];

const expected: Record<ConferenceStatus, Record<ConferenceAction, ConferenceStatus | null>> = {
  DRAFT: { call: 'CALLED', reschedule: null, cancel: 'CANCELLED', complete: null },
  CALLED: { call: null, reschedule: 'RESCHEDULED', cancel: 'CANCELLED', complete: 'COMPLETED' },
  RESCHEDULED: { call: null, reschedule: 'RESCHEDULED', cancel: 'CANCELLED', complete: 'COMPLETED' },
  COMPLETED: { call: null, reschedule: null, cancel: null, complete: null },
  CANCELLED: { call: null, reschedule: null, cancel: null, complete: null },
};

const pairs = ConferenceStatuses.flatMap((status) => actions.map((action) => [status, action] as const));
const allowed = pairs.filter(([status, action]) => expected[status][action] !== null);
const refused = pairs.filter(([status, action]) => expected[status][action] === null);

describe('nextStatus', () => {
  it.each(allowed)('%s + %s is allowed', (status, action) => {
    expect(nextStatus(status, action)).toBe(expected[status][action]);
  });

  it.each(refused)('%s + %s is a conflict', (status, action) => {
    let error: unknown;
    try {
      nextStatus(status, action);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StateConflictError);
    expect(error).toMatchObject({
      status: 409,
      currentState: status,
      message: `Cannot ${action} a conference that is ${status}`,
    });
  });

  it('covers every (state, action) pair', () => {
    expect(allowed.length + refused.length).toBe(ConferenceStatuses.length * actions.length);
  });

  it('follows a conference through its life', () => {
    const path: ConferenceAction[] = ['call', 'reschedule', 'reschedule', 'complete'];
    expect(path.reduce<ConferenceStatus>(nextStatus, 'DRAFT')).toBe('COMPLETED');
  });
});

describe('assertCanChange', () => {
  const changeable: Record<ConferenceChange, ConferenceStatus[]> = {
    invitees: ['DRAFT', 'CALLED', 'RESCHEDULED'],
    agenda: ['DRAFT', 'CALLED', 'RESCHEDULED'],
    'co-host request': ['DRAFT', 'CALLED', 'RESCHEDULED'],
  };
  const cases = (Object.keys(changeable) as ConferenceChange[]).flatMap((change) =>
    ConferenceStatuses.map((status) => [change, status, changeable[change].includes(status)] as const),
  );

  it.each(cases)('%s in %s: allowed = %s', (change, status, allowed) => {
    const attempt = () => assertCanChange(status, change);
    if (allowed) {
      expect(attempt).not.toThrow();
    } else {
      expect(attempt).toThrow(StateConflictError);
      expect(thrownBy(attempt)).toEqual(
        expect.objectContaining({
          currentState: status,
          message: `Cannot change the ${change} of a conference that is ${status}`,
        }),
      );
    }
  });
});

describe('isAnnounced', () => {
  it('holds from the call until the conference is held or cancelled: only then do changes reach the invitees', () => {
    expect(ConferenceStatuses.filter(isAnnounced)).toEqual(['CALLED', 'RESCHEDULED']);
  });
});
