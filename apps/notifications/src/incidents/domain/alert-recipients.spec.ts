import { alertRecipients, genericHostRecipient, parseAddressList } from './alert-recipients';

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
  const generic = genericHostRecipient('vi');
  const known = [
    {
      name: 'Lê Quang Minh',
      title: 'Giám đốc',
      agencyName: 'Sở Văn hóa, Thể thao và Du lịch',
      email: 'Minh@daklak.gov.vn',
    },
    { name: 'Nguyễn Văn Định', agencyName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', email: 'dinh@daklak.gov.vn' },
  ];

  it('alerts the known host contacts and the configured addresses, each once', () => {
    const recipients = alertRecipients(known, parseAddressList('minh@daklak.gov.vn, trucban@daklak.gov.vn'), generic);
    expect(recipients.map((r) => r.email)).toEqual([
      'minh@daklak.gov.vn',
      'dinh@daklak.gov.vn',
      'trucban@daklak.gov.vn',
    ]);
    expect(recipients[0].name).toBe('Lê Quang Minh');
    expect(recipients[2]).toEqual({ ...generic, email: 'trucban@daklak.gov.vn' });
  });

  it('greets a configured address by its name when it has one', () => {
    const [recipient] = alertRecipients([], parseAddressList('Trực ban <trucban@daklak.gov.vn>'), generic);
    expect(recipient).toEqual({ name: 'Trực ban', agencyName: generic.agencyName, email: 'trucban@daklak.gov.vn' });
  });

  it('greets in English when mail is English', () => {
    expect(genericHostRecipient('en').name).toBe('Sir or Madam');
    expect(genericHostRecipient(undefined).name).toBe('Lãnh đạo');
  });
});
