import { actorOf } from './jwt-claims';

describe('actorOf', () => {
  it('takes the role and agency from the claims', () => {
    expect(actorOf({ sub: 'u1', role: 'agency', agencyId: 'a1' })).toEqual({
      role: 'agency',
      subject: 'jwt:u1',
      agencyId: 'a1',
    });
    expect(actorOf({ sub: 'u1', roles: ['reader', 'coordinator'] })).toEqual({
      role: 'coordinator',
      subject: 'jwt:u1',
    });
    expect(actorOf({ sub: 'u1', roles: ['press'], agency_id: 'p1' })).toEqual({
      role: 'press',
      subject: 'jwt:u1',
      agencyId: 'p1',
    });
  });

  it('grants nothing without a known role, a subject, or an agency for agency roles', () => {
    expect(actorOf({ sub: 'u1', role: 'superuser' })).toBeNull();
    expect(actorOf({ role: 'admin' })).toBeNull();
    expect(actorOf({ sub: 'u1', role: 'agency' })).toBeNull();
  });
});
