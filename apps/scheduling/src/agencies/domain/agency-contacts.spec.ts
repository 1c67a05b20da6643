import { contactsOf } from './agency-contacts';

describe('contactsOf', () => {
  it('defaults to Vietnamese, no fields and not the spokesperson', () => {
    expect(contactsOf([{ name: 'Lê Minh', email: 'lm@baodaklak.vn' }])).toEqual([
      { name: 'Lê Minh', email: 'lm@baodaklak.vn', spokesperson: false, locale: 'vi', fields: [] },
    ]);
  });

  it('keeps what was given, with the fields trimmed and once each', () => {
    expect(
      contactsOf([
        {
          name: 'Trần An',
          title: 'Phóng viên',
          email: 'ta@baodaklak.vn',
          phone: '+84 262 3812 345',
          spokesperson: false,
          locale: 'en',
          fields: [' đất đai ', 'y tế', 'đất đai'],
        },
      ]),
    ).toEqual([
      {
        name: 'Trần An',
        title: 'Phóng viên',
        email: 'ta@baodaklak.vn',
        phone: '+84 262 3812 345',
        spokesperson: false,
        locale: 'en',
        fields: ['đất đai', 'y tế'],
      },
    ]);
  });
});
