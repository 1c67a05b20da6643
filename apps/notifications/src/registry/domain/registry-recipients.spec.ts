import type { AgencyContactEventData } from '@pressconf/contracts';
import { contactsOf, leadershipRecipients, RegistryEntry } from './registry-recipients';

const contact = (name: string, email: string, locale: 'vi' | 'en' = 'vi'): AgencyContactEventData => ({
  name,
  email,
  spokesperson: false,
  locale,
  fields: [],
});
const NOW = new Date('2027-03-10T03:00:00Z');
const entry = (over: Partial<RegistryEntry>): RegistryEntry => ({
  name: 'Văn phòng UBND tỉnh',
  roles: ['PROVINCIAL_LEADERSHIP'],
  contacts: [contact('Nguyễn Văn An', 'an@ubnd.gov.vn')],
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validTo: null,
  ...over,
});

describe('registry recipients', () => {
  it('writes to every contact of an agency once, in their language', () => {
    const recipients = contactsOf(
      entry({ contacts: [contact('A', 'A@x.vn'), contact('A again', 'a@x.vn'), contact('B', 'b@x.vn', 'en')] }),
    );
    expect(recipients).toEqual([
      { name: 'A', email: 'a@x.vn', agencyName: 'Văn phòng UBND tỉnh', locale: 'vi' },
      { name: 'B', email: 'b@x.vn', agencyName: 'Văn phòng UBND tỉnh', locale: 'en' },
    ]);
  });

  it('finds the People’s Committee among the agencies in force holding PROVINCIAL_LEADERSHIP', () => {
    const recipients = leadershipRecipients(
      [
        entry({}),
        entry({ roles: ['COORDINATOR'], contacts: [contact('Điều phối', 'dp@stttt.gov.vn')] }),
        entry({ contacts: [contact('Cũ', 'cu@ubnd.gov.vn')], validTo: new Date('2027-01-01T00:00:00Z') }),
        entry({ contacts: [contact('Nguyễn Văn An', 'an@ubnd.gov.vn')] }),
      ],
      NOW,
    );
    expect(recipients.map((r) => r.email)).toEqual(['an@ubnd.gov.vn']);
  });
});
