import { hostedByPattern, readsConference } from './host-scope';

const AGENCY = '6f1d4c2e-0000-4000-8000-000000000001';
const OTHER = '6f1d4c2e-0000-4000-8000-000000000002';

describe('a host reads its conferences only', () => {
  it('lets a host read a conference its agency hosts, and no other', () => {
    const host = { role: 'host' as const, subject: 'k', agencyId: AGENCY };
    expect(readsConference(host, [{ agencyId: OTHER }, { agencyId: AGENCY }])).toBe(true);
    expect(readsConference(host, [{ agencyId: OTHER }])).toBe(false);
    // Called before hosts were recorded: no host is named, so none reads it.
    expect(readsConference(host, [])).toBe(false);
    expect(readsConference({ role: 'host', subject: 'k' }, [{ agencyId: AGENCY }])).toBe(false);
  });

  it('leaves the other roles to the route', () => {
    expect(readsConference({ role: 'coordinator', subject: 'k' }, [])).toBe(true);
  });

  it('matches the hosts column by agency', () => {
    expect(JSON.parse(hostedByPattern({ role: 'host', subject: 'k', agencyId: AGENCY }))).toEqual([
      { agencyId: AGENCY },
    ]);
  });
});
