import type { BriefRequestClosedReason, BriefRequestStatus } from '@pressconf/contracts';
import { briefRequestChanges, ExistingRequest } from './invitee-changes';

const A = 'agency-a';
const B = 'agency-b';
const contact = (agencyId: string, mustBrief = true) => ({ agencyId, agencyName: `Name of ${agencyId}`, mustBrief });
const request = (
  agencyId: string,
  status: BriefRequestStatus,
  closedReason: BriefRequestClosedReason | null = null,
): ExistingRequest => ({ id: `request-of-${agencyId}`, agencyId, status, closedReason });

describe('briefRequestChanges', () => {
  it('asks an added agency that must brief once, however many of its contacts are added', () => {
    const changes = briefRequestChanges({ added: [contact(A), contact(A), contact(B, false)], removed: [] }, []);
    expect(changes).toEqual({ open: [{ agencyId: A, agencyName: 'Name of agency-a' }], reopen: [], close: [] });
  });

  it.each<[BriefRequestStatus, BriefRequestClosedReason | null]>([
    ['OPEN', null],
    ['OVERDUE', null],
    ['RETURNED', null],
    ['SUBMITTED', null],
    ['ACCEPTED', null],
    ['CLOSED', 'NOTHING_TO_REPORT'],
  ])('leaves an added agency its %s request (%s)', (status, reason) => {
    expect(briefRequestChanges({ added: [contact(A)], removed: [] }, [request(A, status, reason)])).toEqual({
      open: [],
      reopen: [],
      close: [],
    });
  });

  it('opens again the request of an agency removed and then invited again', () => {
    const changes = briefRequestChanges({ added: [contact(A)], removed: [] }, [
      request(A, 'CLOSED', 'INVITATION_WITHDRAWN'),
    ]);
    expect(changes).toEqual({ open: [], reopen: ['request-of-agency-a'], close: [] });
  });

  it.each<BriefRequestStatus>(['OPEN', 'OVERDUE', 'RETURNED'])(
    'closes the %s request of a removed agency',
    (status) => {
      const changes = briefRequestChanges({ added: [], removed: [contact(A), contact(A)] }, [request(A, status)]);
      expect(changes).toEqual({ open: [], reopen: [], close: ['request-of-agency-a'] });
    },
  );

  it.each<BriefRequestStatus>(['SUBMITTED', 'ACCEPTED', 'CLOSED'])(
    'leaves a removed agency its %s request',
    (status) => {
      expect(briefRequestChanges({ added: [], removed: [contact(A)] }, [request(A, status)]).close).toEqual([]);
    },
  );

  it('keeps the request of an agency with an invitee added in the same change', () => {
    const changes = briefRequestChanges({ added: [contact(A, false)], removed: [contact(A)] }, [request(A, 'OPEN')]);
    expect(changes.close).toEqual([]);
  });

  it('changes nothing the second time the same change is applied', () => {
    expect(briefRequestChanges({ added: [contact(A)], removed: [] }, [request(A, 'OPEN')]).open).toEqual([]);
    expect(
      briefRequestChanges({ added: [], removed: [contact(A)] }, [request(A, 'CLOSED', 'INVITATION_WITHDRAWN')]).close,
    ).toEqual([]);
  });

  it('touches no request of an agency the change does not name', () => {
    expect(briefRequestChanges({ added: [contact(A)], removed: [] }, [request(B, 'OPEN')])).toEqual({
      open: [{ agencyId: A, agencyName: 'Name of agency-a' }],
      reopen: [],
      close: [],
    });
  });
});
