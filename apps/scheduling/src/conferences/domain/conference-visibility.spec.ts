import { Actor, ConferenceStatuses, ConferenceView, Role, Roles } from '@pressconf/contracts';
import { canSeeConference, conferenceFor, visibleStatuses } from './conference-visibility';

const actor = (role: Role): Actor => ({ role, subject: `key-${role}` });

const participant = {
  inviteeId: '0d3c1f9e-4b7a-4c1e-8f00-000000000001',
  agencyId: '0d3c1f9e-4b7a-4c1e-8f00-000000000002',
  agencyName: 'Sở Y tế',
  role: 'INFORMATION_PROVIDER' as const,
  contactName: 'Vũ Văn Khoa',
  email: 'khoa@syt.daklak.gov.vn',
  mustBrief: true,
  reason: 'answers for y tế',
  rsvp: 'ACCEPT' as const,
};

const conference: ConferenceView = {
  id: '0d3c1f9e-4b7a-4c1e-8f00-000000000003',
  kind: 'PERIODIC',
  status: 'CALLED',
  title: 'Hội nghị cung cấp thông tin tháng 3/2027',
  startsAt: '2027-03-15T02:00:00.000Z',
  endsAt: '2027-03-15T04:00:00.000Z',
  venue: 'Hội trường Sở Văn hóa, Thể thao và Du lịch',
  topics: ['y tế'],
  incidentId: null,
  seriesId: null,
  briefsDueAt: null,
  sequence: 1,
  calledAt: '2027-03-01T03:00:00.000Z',
  participants: [participant],
  inviteeChanges: { added: [], removed: [] },
  agenda: [],
  hosts: [
    {
      agencyId: '0d3c1f9e-4b7a-4c1e-8f00-000000000004',
      agencyName: 'Ban Tuyên giáo Tỉnh ủy',
      code: 'BTGTU',
      roles: ['CO_HOST'],
      contactName: 'Lê Văn Định',
      email: 'dinh@btg.daklak.gov.vn',
      locale: 'vi',
    },
  ],
  issuer: { agencyId: '0d3c1f9e-4b7a-4c1e-8f00-000000000004', agencyName: 'Ban Tuyên giáo Tỉnh ủy', code: 'BTGTU' },
  coHostRequest: null,
  createdAt: '2027-02-28T03:00:00.000Z',
  updatedAt: '2027-03-01T03:00:00.000Z',
};

/** The README's table, "Who sees what": DRAFT conferences and participants' addresses per role. */
const EXPECTED: Record<Role, { drafts: boolean; email: boolean }> = {
  admin: { drafts: true, email: true },
  coordinator: { drafts: true, email: true },
  host: { drafts: true, email: true },
  agency: { drafts: false, email: true },
  press: { drafts: false, email: false },
  reader: { drafts: false, email: false },
};

describe('who sees what of a conference', () => {
  it.each(Roles)('%s: drafts and addresses as the table says', (role) => {
    const seen = conferenceFor(actor(role), conference);
    expect({
      drafts: canSeeConference(actor(role), 'DRAFT'),
      email: seen.participants.every((p) => 'email' in p),
    }).toEqual(EXPECTED[role]);
    expect(seen.hosts.every((h) => 'email' in h)).toBe(EXPECTED[role].email);
    // Everything else of the participant and of the conference is the same for every role.
    const { email, ...rest } = participant;
    expect(seen.participants).toEqual([EXPECTED[role].email ? { ...rest, email } : rest]);
    expect({ ...seen, participants: [], hosts: [] }).toEqual({ ...conference, participants: [], hosts: [] });
  });

  it('lets everyone see a conference once it is called, whatever happened to it since', () => {
    for (const role of Roles) {
      for (const status of ConferenceStatuses.filter((s) => s !== 'DRAFT')) {
        expect(canSeeConference(actor(role), status)).toBe(true);
      }
    }
  });

  it('narrows lists to the statuses a role may see, and leaves the organisers’ lists alone', () => {
    expect(visibleStatuses(actor('coordinator'))).toBeUndefined();
    expect(visibleStatuses(actor('host'))).toBeUndefined();
    for (const role of ['agency', 'press', 'reader'] as const) {
      expect(visibleStatuses(actor(role))).toEqual(['CALLED', 'RESCHEDULED', 'COMPLETED', 'CANCELLED']);
    }
  });

  it('does not change the view it was given', () => {
    conferenceFor(actor('press'), conference);
    expect(conference.participants[0].email).toBe('khoa@syt.daklak.gov.vn');
  });
});
