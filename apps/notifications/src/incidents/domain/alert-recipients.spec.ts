import { alertRecipients, GENERIC_HOST_RECIPIENT, parseAddressList, registryHosts } from './alert-recipients';

describe('parseAddressList', () => {
  it('reads plain and named addresses', () => {
    expect(parseAddressList(' truc.ban@daklak.gov.vn, Văn phòng Ban Chỉ đạo <VP.BCD@daklak.gov.vn> ,')).toEqual([
      { email: 'truc.ban@daklak.gov.vn' },
      { name: 'Văn phòng Ban Chỉ đạo', email: 'vp.bcd@daklak.gov.vn' },
    ]);
    expect(parseAddressList(undefined)).toEqual([]);
    expect(parseAddressList('')).toEqual([]);
  });

  it('refuses what is not an address', () => {
    expect(() => parseAddressList('truc.ban@daklak.gov.vn, nobody')).toThrow(/"nobody" is not an e-mail address/);
  });
});

describe('alertRecipients', () => {
  const generic = GENERIC_HOST_RECIPIENT;
  const known = [
    {
      name: 'Lê Quang Minh',
      title: 'Giám đốc',
      agencyName: 'Sở Văn hóa, Thể thao và Du lịch',
      email: 'Minh@daklak.gov.vn',
      locale: 'en' as const,
    },
    {
      name: 'Nguyễn Văn Định',
      agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      email: 'dinh@daklak.gov.vn',
      locale: 'vi' as const,
    },
  ];

  it('alerts the known host contacts and the configured addresses, each once', () => {
    const recipients = alertRecipients(known, parseAddressList('minh@daklak.gov.vn, trucban@daklak.gov.vn'), generic);
    expect(recipients.map((r) => r.email)).toEqual([
      'minh@daklak.gov.vn',
      'dinh@daklak.gov.vn',
      'trucban@daklak.gov.vn',
    ]);
    expect(recipients[0]).toMatchObject({ name: 'Lê Quang Minh', locale: 'en' });
    expect(recipients[2]).toEqual({ ...generic, email: 'trucban@daklak.gov.vn' });
  });

  it('greets a configured address by its name when it has one', () => {
    const [recipient] = alertRecipients([], parseAddressList('Trực ban <trucban@daklak.gov.vn>'), generic);
    expect(recipient).toEqual({
      name: 'Trực ban',
      agencyName: generic.agencyName,
      email: 'trucban@daklak.gov.vn',
      locale: 'vi',
    });
  });
});

describe('registryHosts', () => {
  const breach = {
    incidentId: '5b1f0c9e-2f4a-4d8e-9c3b-7a6d5e4f3a21',
    conveneBy: '2027-03-03T08:15:00+07:00',
    hosts: [
      {
        agencyId: '0f8e7d6c-5b4a-4392-8171-605f4e3d2c1b',
        agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
        role: 'CO_HOST' as const,
        contactName: 'Nguyễn Văn Định',
        contactTitle: 'Phó Trưởng ban',
        email: 'Dinh@daklak.gov.vn',
      },
      {
        agencyId: '1f8e7d6c-5b4a-4392-8171-605f4e3d2c1b',
        agencyName: 'Sở Văn hóa, Thể thao và Du lịch',
        role: 'COORDINATOR' as const,
        contactName: 'Lê Quang Minh',
        email: 'minh@daklak.gov.vn',
        locale: 'en' as const,
      },
    ],
  };

  it('alerts the registry’s hosts named by the breach, each in their language, and the configured addresses', () => {
    const recipients = alertRecipients(
      registryHosts(breach),
      parseAddressList('minh@daklak.gov.vn, Trực ban <trucban@daklak.gov.vn>'),
    );
    expect(recipients).toEqual([
      {
        name: 'Nguyễn Văn Định',
        title: 'Phó Trưởng ban',
        agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
        email: 'dinh@daklak.gov.vn',
        locale: 'vi',
      },
      {
        name: 'Lê Quang Minh',
        agencyName: 'Sở Văn hóa, Thể thao và Du lịch',
        email: 'minh@daklak.gov.vn',
        locale: 'en',
      },
      { ...GENERIC_HOST_RECIPIENT, name: 'Trực ban', email: 'trucban@daklak.gov.vn' },
    ]);
  });

  it('names nobody for a breach of an earlier version, which carried no hosts: the configured addresses remain', () => {
    const { hosts: _hosts, ...earlier } = breach;
    expect(registryHosts(earlier)).toEqual([]);
    expect(alertRecipients(registryHosts(earlier), [])).toEqual([]);
  });
});
