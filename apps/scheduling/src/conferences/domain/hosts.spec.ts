import 'reflect-metadata'; // @pressconf/contracts declares decorated DTOs
import { AgencyContact } from '@pressconf/contracts';
import { letterIssuer, resolveHosts } from './hosts';
import type { AgencySnapshot } from './participants';

const contact = (name: string, email: string, extra: Partial<AgencyContact> = {}): AgencyContact => ({
  name,
  email,
  spokesperson: false,
  locale: 'vi',
  fields: [],
  ...extra,
});

const agency = (id: string, name: string, extra: Partial<AgencySnapshot>): AgencySnapshot => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'DEPARTMENT',
  roles: [],
  fields: [],
  territory: null,
  contacts: [contact(`Lãnh đạo ${name}`, `${id}@daklak.gov.vn`)],
  ...extra,
});

const registry: AgencySnapshot[] = [
  agency('sttt', 'Sở Thông tin và Truyền thông', { roles: ['INFORMATION_PROVIDER', 'COORDINATOR'] }),
  agency('hnb', 'Hội Nhà báo tỉnh', { kind: 'ASSOCIATION', roles: ['PRESS_BRIEFING_CO_CHAIR'] }),
  agency('ca', 'Công an tỉnh', {
    roles: ['HUMAN_RIGHTS_STANDING_OFFICE', 'INFORMATION_PROVIDER'],
    contacts: [
      contact('Nguyễn Văn Giám', 'giamdoc@ca.daklak.gov.vn', { title: 'Giám đốc' }),
      contact('Trần Thị Phát', ' phatngon@ca.daklak.gov.vn ', {
        title: 'Phó Giám đốc',
        spokesperson: true,
        locale: 'en',
      }),
    ],
  }),
  agency('btg', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', { kind: 'PARTY_BOARD', roles: ['CO_HOST'], contacts: [] }),
  agency('stnmt', 'Sở Tài nguyên và Môi trường', { roles: ['INFORMATION_PROVIDER'] }),
  agency('bao', 'Báo Đắk Lắk', { kind: 'PRESS', roles: ['PRESS'] }),
];

describe('resolveHosts', () => {
  it('names the periodic conference hosts in the order of the plan, each with its host roles and representative', () => {
    expect(resolveHosts('PERIODIC', registry)).toEqual([
      { agencyId: 'btg', agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', code: 'BTG', roles: ['CO_HOST'] },
      {
        agencyId: 'ca',
        agencyName: 'Công an tỉnh',
        code: 'CA',
        roles: ['HUMAN_RIGHTS_STANDING_OFFICE'],
        contactName: 'Trần Thị Phát',
        contactTitle: 'Phó Giám đốc',
        email: 'phatngon@ca.daklak.gov.vn',
        locale: 'en',
      },
      {
        agencyId: 'sttt',
        agencyName: 'Sở Thông tin và Truyền thông',
        code: 'STTT',
        roles: ['COORDINATOR'],
        contactName: 'Lãnh đạo Sở Thông tin và Truyền thông',
        email: 'sttt@daklak.gov.vn',
        locale: 'vi',
      },
      {
        agencyId: 'hnb',
        agencyName: 'Hội Nhà báo tỉnh',
        code: 'HNB',
        roles: ['PRESS_BRIEFING_CO_CHAIR'],
        contactName: 'Lãnh đạo Hội Nhà báo tỉnh',
        email: 'hnb@daklak.gov.vn',
        locale: 'vi',
      },
    ]);
  });

  it('leaves the press briefing co-chair out of an extraordinary conference', () => {
    expect(resolveHosts('EXTRAORDINARY', registry).map((h) => h.agencyId)).toEqual(['btg', 'ca', 'sttt']);
  });

  it('gives a merged agency holding several host roles once, with all of them', () => {
    const merged = [agency('sdv', 'Sở Văn hóa', { roles: ['COORDINATOR', 'CO_HOST', 'PRESS'] })];
    expect(resolveHosts('PERIODIC', merged)).toMatchObject([{ agencyId: 'sdv', roles: ['CO_HOST', 'COORDINATOR'] }]);
  });

  it('is empty for a registry with no host roles', () => {
    expect(resolveHosts('PERIODIC', registry.slice(4))).toEqual([]);
  });
});

describe('letterIssuer', () => {
  it('is the co-host, for both kinds', () => {
    expect(letterIssuer(resolveHosts('PERIODIC', registry))).toEqual({
      agencyId: 'btg',
      agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      code: 'BTG',
    });
    expect(letterIssuer(resolveHosts('EXTRAORDINARY', registry))?.agencyId).toBe('btg');
  });

  it('falls back to the coordinator when no agency holds CO_HOST', () => {
    const withoutCoHost = registry.filter((a) => a.id !== 'btg');
    expect(letterIssuer(resolveHosts('PERIODIC', withoutCoHost))).toEqual({
      agencyId: 'sttt',
      agencyName: 'Sở Thông tin và Truyền thông',
      code: 'STTT',
    });
  });

  it('is undefined when neither is registered (the organiser issues, as before hosts were recorded)', () => {
    expect(
      letterIssuer(
        resolveHosts(
          'PERIODIC',
          registry.filter((a) => a.id === 'hnb'),
        ),
      ),
    ).toBeUndefined();
  });
});
