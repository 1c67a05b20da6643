import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { draftKindsHostedBy, hostsConference } from './host-scope';

const AGENCY = '6f1d4c2e-0000-4000-8000-000000000001';
const OTHER = '6f1d4c2e-0000-4000-8000-000000000002';

describe('host scope', () => {
  it('sees a called conference whose recorded hosts name its agency, whatever its roles now', () => {
    const called = { kind: 'PERIODIC' as const, status: 'CALLED' as const, hosts: [{ agencyId: AGENCY }] };
    expect(hostsConference(AGENCY, [], called)).toBe(true);
    expect(hostsConference(OTHER, ['CO_HOST'], called)).toBe(false);
    expect(hostsConference(AGENCY, ['CO_HOST'], { ...called, status: 'CANCELLED', hosts: [] })).toBe(false);
  });

  it('sees a draft of a kind whose host roles the agency holds now', () => {
    const draft = (kind: 'PERIODIC' | 'EXTRAORDINARY') => ({ kind, status: 'DRAFT' as const, hosts: [] });
    expect(hostsConference(AGENCY, ['HUMAN_RIGHTS_STANDING_OFFICE'], draft('EXTRAORDINARY'))).toBe(true);
    // The press briefing co-chair co-chairs the periodic briefing only.
    expect(hostsConference(AGENCY, ['PRESS_BRIEFING_CO_CHAIR'], draft('PERIODIC'))).toBe(true);
    expect(hostsConference(AGENCY, ['PRESS_BRIEFING_CO_CHAIR'], draft('EXTRAORDINARY'))).toBe(false);
    expect(hostsConference(AGENCY, ['INFORMATION_PROVIDER', 'PRESS'], draft('PERIODIC'))).toBe(false);
  });

  it('lists the kinds of draft an agency hosts', () => {
    expect(draftKindsHostedBy(['COORDINATOR'])).toEqual(['PERIODIC', 'EXTRAORDINARY']);
    expect(draftKindsHostedBy(['PRESS_BRIEFING_CO_CHAIR'])).toEqual(['PERIODIC']);
    expect(draftKindsHostedBy(['PORTAL'])).toEqual([]);
  });
});
