import { BriefRequestStatus, BriefRequestStatuses, DomainRuleError, StateConflictError } from '@pressconf/contracts';
import { afterDueTimeMoved, apply, BriefRequestAction, submit } from './lifecycle';

const brief = (currentVersion: number) => ({ currentVersion });

describe('brief request lifecycle', () => {
  it.each<[BriefRequestStatus, BriefRequestAction, BriefRequestStatus]>([
    ['OPEN', 'SAVE_VERSION', 'OPEN'],
    ['OVERDUE', 'SAVE_VERSION', 'OVERDUE'],
    ['RETURNED', 'SAVE_VERSION', 'RETURNED'],
    ['OPEN', 'SUBMIT', 'SUBMITTED'],
    ['OVERDUE', 'SUBMIT', 'SUBMITTED'],
    ['RETURNED', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPT', 'ACCEPTED'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
    ['OPEN', 'DECLARE_NOTHING_TO_REPORT', 'CLOSED'],
    ['RETURNED', 'DECLARE_NOTHING_TO_REPORT', 'CLOSED'],
    ['OPEN', 'MARK_OVERDUE', 'OVERDUE'],
    ['SUBMITTED', 'CLOSE_FOR_CANCELLATION', 'CLOSED'],
    ['OVERDUE', 'CLOSE_FOR_WITHDRAWAL', 'CLOSED'],
    ['CLOSED', 'REOPEN_FOR_INVITATION', 'OPEN'],
    ['ACCEPTED', 'NOMINATE', 'ACCEPTED'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(apply(from, action)).toBe(to);
  });

  it.each<[BriefRequestStatus, BriefRequestAction]>([
    ['SUBMITTED', 'SAVE_VERSION'],
    ['ACCEPTED', 'SAVE_VERSION'],
    ['CLOSED', 'SAVE_VERSION'],
    ['SUBMITTED', 'SUBMIT'],
    ['ACCEPTED', 'SUBMIT'],
    ['OPEN', 'ACCEPT'],
    ['RETURNED', 'RETURN'],
    ['ACCEPTED', 'RETURN'],
    ['SUBMITTED', 'DECLARE_NOTHING_TO_REPORT'],
    ['ACCEPTED', 'DECLARE_NOTHING_TO_REPORT'],
    ['RETURNED', 'MARK_OVERDUE'],
    ['OVERDUE', 'MARK_OVERDUE'],
    ['CLOSED', 'NOMINATE'],
    ['ACCEPTED', 'CLOSE_FOR_CANCELLATION'],
    ['SUBMITTED', 'CLOSE_FOR_WITHDRAWAL'],
    ['OPEN', 'REOPEN_FOR_INVITATION'],
  ])('refuses %s --%s--> with a 409 naming the current status', (from, action) => {
    const error = (() => {
      try {
        apply(from, action);
      } catch (e) {
        return e as StateConflictError;
      }
    })();
    expect(error).toBeInstanceOf(StateConflictError);
    expect(error?.status).toBe(409);
    expect(error?.currentState).toBe(from);
    expect(error?.message).toContain(from);
  });

  it('never leaves ACCEPTED or CLOSED but to nominate', () => {
    const actions: BriefRequestAction[] = [
      'SAVE_VERSION',
      'ADD_ATTACHMENT',
      'SUBMIT',
      'ACCEPT',
      'RETURN',
      'DECLARE_NOTHING_TO_REPORT',
      'MARK_OVERDUE',
      'MOVE_DUE_TIME',
      'CLOSE_FOR_CANCELLATION',
    ];
    for (const status of ['ACCEPTED', 'CLOSED'] as const) {
      for (const action of actions) expect(() => apply(status, action)).toThrow(StateConflictError);
    }
    expect(BriefRequestStatuses).toContain('CLOSED');
  });

  describe('afterDueTimeMoved', () => {
    const now = new Date('2027-01-10T00:00:00Z');
    it('gives an overdue agency its time back when the new due time lies ahead', () => {
      expect(afterDueTimeMoved('OVERDUE', new Date('2027-01-12T00:00:00Z'), now)).toBe('OPEN');
      expect(afterDueTimeMoved('OVERDUE', new Date('2027-01-09T00:00:00Z'), now)).toBe('OVERDUE');
      expect(afterDueTimeMoved('RETURNED', new Date('2027-01-12T00:00:00Z'), now)).toBe('RETURNED');
    });
  });

  describe('submit', () => {
    it('submits the latest version', () => {
      expect(submit('OPEN', brief(2))).toEqual({ status: 'SUBMITTED', brief: brief(2) });
      expect(submit('OVERDUE', brief(1), { expectedVersion: 1 }).status).toBe('SUBMITTED');
    });

    it('needs a saved brief (422), but names a wrong status first (409)', () => {
      expect(() => submit('OPEN', undefined)).toThrow(DomainRuleError);
      expect(() => submit('CLOSED', undefined)).toThrow(StateConflictError);
    });

    it('refuses a stale version with a 409', () => {
      expect(() => submit('OPEN', brief(3), { expectedVersion: 2 })).toThrow(/version 3 was saved since/);
    });

    it('needs a revision after a return', () => {
      expect(() => submit('RETURNED', brief(2), { lastReturnedVersion: 2 })).toThrow(DomainRuleError);
      expect(submit('RETURNED', brief(3), { lastReturnedVersion: 2 }).status).toBe('SUBMITTED');
    });
  });
});
