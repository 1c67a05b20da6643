import { fillPath, INTERNAL_ROUTES, InternalApi } from './internal-api';

describe('the internal API routes', () => {
  it('are unique per service, method and path, and each names at least one role', () => {
    const keys = INTERNAL_ROUTES.map((route) => `${route.service} ${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(INTERNAL_ROUTES.every((route) => route.roles.length > 0)).toBe(true);
  });

  it('fill their parameters from the input, percent-encoded, and leave the rest', () => {
    const route = InternalApi.scheduling.removeInvitee;
    expect(fillPath(route, { id: 'a/b', agencyId: 'c d', extra: 1 })).toEqual({
      path: '/internal/conferences/a%2Fb/invitees/c%20d',
      rest: { extra: 1 },
    });
  });

  it('refuse to build a path with a parameter missing', () => {
    expect(() => fillPath(InternalApi.scheduling.getConference, {})).toThrow(/missing path parameter id/);
  });
});
