import { Actor, ForbiddenError, NotFoundError } from '@pressconf/contracts';
import { agencyScope, assertCanAct, assertCanRead, assertCanReview, assertHostReads } from './access';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const request = { agencyId: OWN };
const actor = (role: Actor['role'], agencyId?: string): Actor => ({
  role,
  subject: `${role}-key`,
  ...(agencyId ? { agencyId } : {}),
});

describe('access to brief requests and briefs', () => {
  it('lets an agency read and change its own agency’s', () => {
    expect(() => assertCanRead(actor('agency', OWN), request, 'Brief', 'x')).not.toThrow();
    expect(() => assertCanAct(actor('agency', OWN), request, 'Brief', 'x')).not.toThrow();
  });

  it('hides another agency’s behind a 404, also from an agency key without its agency', () => {
    for (const stranger of [actor('agency', OTHER), actor('agency')]) {
      expect(() => assertCanRead(stranger, request, 'Brief', 'x')).toThrow(NotFoundError);
      expect(() => assertCanAct(stranger, request, 'Brief', 'x')).toThrow(NotFoundError);
    }
  });

  it('lets the coordinator and the admin read and change all; hosts only read', () => {
    for (const staff of [actor('coordinator'), actor('admin')]) {
      expect(() => assertCanRead(staff, request, 'Brief', 'x')).not.toThrow();
      expect(() => assertCanAct(staff, request, 'Brief', 'x')).not.toThrow();
    }
    expect(() => assertCanRead(actor('host'), request, 'Brief', 'x')).not.toThrow();
    expect(() => assertCanAct(actor('host'), request, 'Brief', 'x')).toThrow(ForbiddenError);
  });

  it('keeps the press and read-only clients out with a 403', () => {
    for (const outsider of [actor('press', OWN), actor('reader')]) {
      expect(() => assertCanRead(outsider, request, 'Brief', 'x')).toThrow(ForbiddenError);
    }
  });

  it('leaves the review to the coordinator and the admin', () => {
    expect(() => assertCanReview(actor('coordinator'))).not.toThrow();
    expect(() => assertCanReview(actor('admin'))).not.toThrow();
    expect(() => assertCanReview(actor('agency', OWN))).toThrow(ForbiddenError);
    expect(() => assertCanReview(actor('host'))).toThrow(ForbiddenError);
  });

  it('narrows lists to the agency’s own, and to nothing for an agency key without its agency', () => {
    expect(agencyScope(actor('agency', OWN))).toEqual({ agencyId: OWN });
    expect(agencyScope(actor('agency')).agencyId).toBe('00000000-0000-0000-0000-000000000000');
    expect(agencyScope(actor('host'))).toEqual({});
  });

  it('lets a host read only what the conferences its agency hosts hold: another’s is a 404', () => {
    const hosts = [{ agencyId: OWN }];
    expect(() => assertHostReads(actor('host', OWN), hosts, 'Brief request', 'x')).not.toThrow();
    expect(() => assertHostReads(actor('host', OTHER), hosts, 'Brief request', 'x')).toThrow(NotFoundError);
    expect(() => assertHostReads(actor('host'), hosts, 'Brief request', 'x')).toThrow(NotFoundError);
    expect(() => assertHostReads(actor('host', OWN), [], 'Brief request', 'x')).toThrow(NotFoundError);
    expect(() => assertHostReads(actor('coordinator'), [], 'Brief request', 'x')).not.toThrow();
  });
});
