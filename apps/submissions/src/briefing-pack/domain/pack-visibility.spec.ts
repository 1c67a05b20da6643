import { Actor, BriefingPackView, Role, Roles } from '@pressconf/contracts';
import { SAMPLE_PACK } from '../../../test/fixtures/pack';
import { packFor, seesRepresentativeContacts } from './pack-visibility';

const actor = (role: Role): Actor => ({ role, subject: `key-${role}` });

const representative = {
  name: 'Đỗ Thị Lan',
  title: 'Phó Giám đốc',
  speaks: true,
  email: 'lan.dt@snnmt.daklak.gov.vn',
  phone: '+84 262 3852 111',
};

const pack: BriefingPackView = {
  id: '0d3c1f9e-4b7a-4c1e-8f00-000000000010',
  conferenceId: SAMPLE_PACK.conference.id,
  version: SAMPLE_PACK.version,
  compiledAt: SAMPLE_PACK.compiledAt,
  compiledBy: 'api-key:0d3c1f9e-4b7a-4c1e-8f00-000000000011',
  availableFrom: SAMPLE_PACK.availableFrom,
  briefIds: SAMPLE_PACK.briefs.map((b) => b.briefId),
  orientationDocumentIds: SAMPLE_PACK.orientationDocuments.map((d) => d.id),
  pageCount: 5,
  pdf: { size: 1000, sha256: 'a'.repeat(64) },
  conference: SAMPLE_PACK.conference,
  briefs: SAMPLE_PACK.briefs.map((b) => ({ ...b, representatives: [representative] })),
  orientationDocuments: SAMPLE_PACK.orientationDocuments,
};

/** The README's table, "Who sees what": the representatives' e-mail and telephone in the pack per role. */
const SEES_CONTACTS: Record<Role, boolean> = {
  admin: true,
  coordinator: true,
  host: true,
  agency: false,
  press: false,
  reader: false,
};

describe('who sees what of the briefing pack', () => {
  it.each(Roles)('%s: the representatives’ contact details as the table says', (role) => {
    expect(seesRepresentativeContacts(actor(role))).toBe(SEES_CONTACTS[role]);
    const seen = packFor(actor(role), pack);
    const { email, phone, ...named } = representative;
    const expected = SEES_CONTACTS[role] ? { ...named, email, phone } : named;
    expect(seen.briefs.flatMap((b) => b.representatives)).toEqual(pack.briefs.map(() => expected));
    // The rest of the pack is the same for everyone.
    const strip = (p: BriefingPackView) => ({ ...p, briefs: p.briefs.map((b) => ({ ...b, representatives: [] })) });
    expect(strip(seen)).toEqual(strip(pack));
  });

  it('leaves no contact detail anywhere in the JSON a press reader gets', () => {
    const text = JSON.stringify(packFor(actor('press'), pack));
    expect(text).not.toContain(representative.email);
    expect(text).not.toContain(representative.phone);
    expect(text).toContain(representative.name);
  });
});
