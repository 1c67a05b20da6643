import type { AgencyContact } from '@pressconf/contracts';
import type { AgencySnapshot } from '../../conferences/domain/participants';
import { incidentHosts } from './incident-hosts';

type Contact = Omit<AgencyContact, 'locale' | 'fields'> & Partial<Pick<AgencyContact, 'locale'>>;

const agency = (id: string, name: string, roles: AgencySnapshot['roles'], contacts: Contact[]) =>
  ({
    id,
    code: id,
    name,
    kind: 'DEPARTMENT',
    roles,
    fields: ['đất đai'],
    territory: null,
    contacts: contacts.map((contact) => ({ locale: 'vi', fields: [], ...contact })),
  }) as AgencySnapshot;

describe('incidentHosts', () => {
  const registry = [
    agency(
      'a1',
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      ['CO_HOST'],
      [
        { name: 'Trần Văn Bình', title: 'Chuyên viên', email: 'binh@daklak.gov.vn', spokesperson: false },
        { name: 'Nguyễn Văn Định', title: 'Phó Trưởng ban', email: 'dinh@daklak.gov.vn', spokesperson: true },
      ],
    ),
    agency(
      'a2',
      'Công an tỉnh',
      ['HUMAN_RIGHTS_STANDING_OFFICE', 'INFORMATION_PROVIDER'],
      [{ name: 'Trần Thị Hạnh', email: 'hanh@daklak.gov.vn', spokesperson: false, locale: 'en' }],
    ),
    agency(
      'a3',
      'Sở Văn hóa, Thể thao và Du lịch',
      ['COORDINATOR'],
      [{ name: 'Lê Quang Minh', title: 'Giám đốc', email: 'minh@daklak.gov.vn', spokesperson: true }],
    ),
    agency(
      'a4',
      'Sở Nông nghiệp và Môi trường',
      ['INFORMATION_PROVIDER'],
      [{ name: 'Đỗ Thị Lan', email: 'lan@daklak.gov.vn', spokesperson: true }],
    ),
    agency(
      'a5',
      'Ủy ban nhân dân tỉnh',
      ['PROVINCIAL_LEADERSHIP'],
      [{ name: 'Hoàng Văn Nam', email: 'nam@daklak.gov.vn', spokesperson: true }],
    ),
    agency(
      'a6',
      'Hội Nhà báo tỉnh',
      ['PRESS_BRIEFING_CO_CHAIR'],
      [{ name: 'Phạm Thị Thu', email: 'thu@daklak.gov.vn', spokesperson: true }],
    ),
  ];

  it('alerts the representative of each co-host, standing office and coordinator, in the plan’s order and their language', () => {
    expect(incidentHosts(registry)).toEqual([
      {
        agencyId: 'a1',
        agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
        role: 'CO_HOST',
        contactName: 'Nguyễn Văn Định',
        contactTitle: 'Phó Trưởng ban',
        email: 'dinh@daklak.gov.vn',
        locale: 'vi',
      },
      {
        agencyId: 'a2',
        agencyName: 'Công an tỉnh',
        role: 'HUMAN_RIGHTS_STANDING_OFFICE',
        contactName: 'Trần Thị Hạnh',
        email: 'hanh@daklak.gov.vn',
        locale: 'en',
      },
      {
        agencyId: 'a3',
        agencyName: 'Sở Văn hóa, Thể thao và Du lịch',
        role: 'COORDINATOR',
        contactName: 'Lê Quang Minh',
        contactTitle: 'Giám đốc',
        email: 'minh@daklak.gov.vn',
        locale: 'vi',
      },
    ]);
  });

  it('follows the registry: a merged coordinator is alerted through the agency that now holds the role', () => {
    const merged = registry.map((a) => (a.id === 'a3' ? { ...a, roles: [] } : a));
    merged.push(
      agency(
        'a7',
        'Sở Khoa học và Công nghệ',
        ['COORDINATOR', 'INFORMATION_PROVIDER'],
        [{ name: 'Phan Văn Tài', email: 'tai@daklak.gov.vn', spokesperson: false }],
      ),
    );
    expect(incidentHosts(merged).map((h) => [h.role, h.email])).toEqual([
      ['CO_HOST', 'dinh@daklak.gov.vn'],
      ['HUMAN_RIGHTS_STANDING_OFFICE', 'hanh@daklak.gov.vn'],
      ['COORDINATOR', 'tai@daklak.gov.vn'],
    ]);
  });

  it('reaches no one through a host agency without an address, and no one at all on an empty registry', () => {
    const silent = registry.map((a) => (a.id === 'a2' ? { ...a, contacts: [] } : a));
    expect(incidentHosts(silent).map((h) => h.agencyId)).toEqual(['a1', 'a3']);
    expect(incidentHosts([])).toEqual([]);
  });
});
