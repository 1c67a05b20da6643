import { Actor, ForbiddenError } from '@pressconf/contracts';
import { assertPackReadable, isUnderEmbargo } from './embargo';

const startsAt = new Date('2027-03-15T02:00:00Z');
const before = new Date('2027-03-15T01:59:59Z');
const actor = (role: Actor['role']): Actor => ({ role, subject: role });

describe('briefing pack embargo', () => {
  it('lets the hosts read before the conference starts', () => {
    for (const role of ['host', 'coordinator', 'admin'] as const)
      expect(isUnderEmbargo(actor(role), startsAt, before)).toBe(false);
  });

  it('keeps other participants and the press out until the start, with a 403 stating when', () => {
    for (const role of ['agency', 'press', 'reader'] as const) {
      expect(() => assertPackReadable(actor(role), startsAt, before)).toThrow(ForbiddenError);
      expect(() => assertPackReadable(actor(role), startsAt, before)).toThrow(/09:00, thứ Hai, ngày 15\/3\/2027/);
      expect(() => assertPackReadable(actor(role), startsAt, startsAt)).not.toThrow();
    }
  });
});
