import { NotFoundError } from '@pressconf/contracts';
import { assertVisibleTo, listScope } from './visibility';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('visibility of reports and offers', () => {
  it('shows an agency its own and hides another’s as not found', () => {
    expect(() =>
      assertVisibleTo({ role: 'agency', agencyId: A, subject: 'k' }, { agencyId: A }, 'X', 'id'),
    ).not.toThrow();
    expect(() => assertVisibleTo({ role: 'agency', agencyId: B, subject: 'k' }, { agencyId: A }, 'X', 'id')).toThrow(
      NotFoundError,
    );
  });

  it('shows the coordinator everything', () => {
    expect(() => assertVisibleTo({ role: 'coordinator', subject: 'c' }, { agencyId: A }, 'X', 'id')).not.toThrow();
  });

  it('narrows an agency’s list to its own whatever it asks, and the coordinator’s to what it asks', () => {
    expect(listScope({ role: 'agency', agencyId: A, subject: 'k' }, B)).toEqual({ agencyId: A });
    expect(listScope({ role: 'coordinator', subject: 'c' }, B)).toEqual({ agencyId: B });
    expect(listScope({ role: 'admin', subject: 'a' })).toEqual({});
  });
});
