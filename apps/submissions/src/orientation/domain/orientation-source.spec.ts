import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { ForbiddenError, NotFoundError } from '@pressconf/contracts';
import type { ConferenceHost } from '../../brief-requests/infrastructure/conference-projection.entity';
import { orientationSource } from './orientation-source';

const CONFERENCE = '6f1d4c2e-0000-4000-8000-00000000000c';
const id = (n: number) => `6f1d4c2e-0000-4000-8000-00000000000${n}`;
const hosts: ConferenceHost[] = [
  { agencyId: id(1), agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', roles: ['CO_HOST'] },
  { agencyId: id(2), agencyName: 'Công an tỉnh', roles: ['HUMAN_RIGHTS_STANDING_OFFICE'] },
  { agencyId: id(3), agencyName: 'Sở Văn hóa, Thể thao và Du lịch', roles: ['COORDINATOR'] },
  { agencyId: id(4), agencyName: 'Hội Nhà báo tỉnh', roles: ['PRESS_BRIEFING_CO_CHAIR'] },
];
const host = (agencyId: string) => ({ role: 'host' as const, subject: 'k', agencyId });

describe('orientationSource', () => {
  it('lets the co-host and the police add their own documents', () => {
    expect(orientationSource(host(id(1)), CONFERENCE, hosts)).toEqual({
      agencyId: id(1),
      agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    });
    expect(orientationSource(host(id(2)), CONFERENCE, hosts)?.agencyName).toBe('Công an tỉnh');
  });

  it('refuses the other hosts of the conference (403), and hides the conference from a host of others (404)', () => {
    expect(() => orientationSource(host(id(3)), CONFERENCE, hosts)).toThrow(ForbiddenError);
    expect(() => orientationSource(host(id(4)), CONFERENCE, hosts)).toThrow(ForbiddenError);
    expect(() => orientationSource(host(id(5)), CONFERENCE, hosts)).toThrow(NotFoundError);
    expect(() => orientationSource({ role: 'host', subject: 'k' }, CONFERENCE, hosts)).toThrow(NotFoundError);
  });

  it('records the coordinator agency as the source of the coordinator’s upload, when the call named one', () => {
    expect(orientationSource({ role: 'coordinator', subject: 'k' }, CONFERENCE, hosts)?.agencyId).toBe(id(3));
    expect(orientationSource({ role: 'admin', subject: 'k' }, CONFERENCE, [])).toBeNull();
  });

  it('refuses every other role', () => {
    expect(() => orientationSource({ role: 'agency', subject: 'k', agencyId: id(1) }, CONFERENCE, hosts)).toThrow(
      ForbiddenError,
    );
  });
});
