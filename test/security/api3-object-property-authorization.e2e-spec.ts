import { createHash, randomUUID } from 'node:crypto';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { Role, Roles } from '@pressconf/contracts';
import type {
  AgencyView,
  BriefingPackView,
  BriefRequestView,
  ConferenceView,
  InvitationView,
  Page,
  ParticipantsPreview,
  Problem,
} from '@pressconf/contracts';
import { Stack, eventually } from '../support/stack';
import { smallDirectory } from '../fixtures/directory';
import { issueRoleKeys } from '../support/role-keys';

/**
 * OWASP API3:2023 Broken Object Property Level Authorization. Each role reads each view and gets exactly the
 * properties the README's "Who sees what" gives it: no DRAFT conference and no one's e-mail address for the press
 * and read-only clients, no representative's e-mail or telephone in the pack outside the organisers, and never in
 * its PDF. And no caller writes a property the contract does not offer (mass assignment): the body is refused with
 * a 400 naming each such property.
 */
const LAND = 'Sở Nông nghiệp và Môi trường';
const REPRESENTATIVE = {
  name: 'Đỗ Thị Lan',
  title: 'Phó Giám đốc',
  speaks: true,
  email: 'lan.dt.rieng@snnmt.daklak.example.vn',
  phone: '+84 905 123 456',
};
/** The directory's addresses all end so. */
const DIRECTORY_MAIL = /@daklak\.example\.vn/;

/** README, "Who sees what". */
const SEES: Record<Role, { drafts: boolean; participantEmail: boolean; addressLists: boolean; packContacts: boolean }> =
  {
    admin: { drafts: true, participantEmail: true, addressLists: true, packContacts: true },
    coordinator: { drafts: true, participantEmail: true, addressLists: true, packContacts: true },
    host: { drafts: true, participantEmail: true, addressLists: true, packContacts: true },
    agency: { drafts: false, participantEmail: true, addressLists: false, packContacts: false },
    press: { drafts: false, participantEmail: false, addressLists: false, packContacts: false },
    reader: { drafts: false, participantEmail: false, addressLists: false, packContacts: false },
  };

describe('API3: object property level authorization', () => {
  let stack: Stack;
  let keys: Record<Role, string>;
  let agencies: AgencyView[];
  let draft: ConferenceView;
  let started: ConferenceView;
  let request: BriefRequestView;

  const conferenceBody = (startsAt: Date, title: string) => ({
    kind: 'PERIODIC',
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    venue: 'Hội trường Ủy ban nhân dân tỉnh, số 09 Lê Duẩn, Buôn Ma Thuột',
    topics: ['Đất đai'],
  });

  beforeAll(async () => {
    stack = await Stack.start();
    agencies = [];
    for (const agency of smallDirectory()) {
      agencies.push((await stack.api<AgencyView>('POST', '/agencies', { body: agency })).body);
    }
    const landAgency = agencies.find((a) => a.name === LAND)!;
    keys = await issueRoleKeys(stack, {
      agencyId: landAgency.id,
      pressAgencyId: agencies.find((a) => a.kind === 'PRESS')!.id,
      hostAgencyId: agencies.find((a) => a.roles.includes('CO_HOST'))!.id,
    });
    const inTenDays = new Date(Math.ceil((Date.now() + 10 * 86_400_000) / 60_000) * 60_000);
    draft = (await stack.api<ConferenceView>('POST', '/conferences', { body: conferenceBody(inTenDays, 'Dự thảo') }))
      .body;
    // Started half an hour ago: the pack is out of embargo for everyone.
    const halfAnHourAgo = new Date(Math.floor((Date.now() - 30 * 60_000) / 60_000) * 60_000);
    const created = await stack.api<ConferenceView>('POST', '/conferences', {
      body: conferenceBody(halfAnHourAgo, 'Hội nghị cung cấp thông tin về đất đai'),
    });
    started = (await stack.api<ConferenceView>('POST', `/conferences/${created.body.id}/call`)).body;
    expect(started.status).toBe('CALLED');

    request = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${started.id}/brief-requests`);
      return page.body.items.find((r) => r.agencyName === LAND);
    });
    const steps: Array<[string, string, unknown]> = [
      ['PUT', `/brief-requests/${request.id}/representatives`, { representatives: [REPRESENTATIVE] }],
      [
        'POST',
        `/brief-requests/${request.id}/briefs`,
        { title: 'Tranh chấp đất đai', summary: 'Tóm tắt', body: 'Nội dung' },
      ],
      ['POST', `/brief-requests/${request.id}/submit`, undefined],
      ['POST', `/brief-requests/${request.id}/review`, { decision: 'ACCEPT' }],
      ['POST', `/conferences/${started.id}/briefing-pack`, undefined],
    ];
    for (const [method, path, body] of steps) {
      const answer = await stack.api(method, path, { body });
      expect({ path, succeeded: answer.status < 300 }).toEqual({ path, succeeded: true });
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it.each(Roles)('conferences as %s: drafts and participants’ addresses', async (role) => {
    const key = keys[role];
    const list = await stack.api<Page<ConferenceView>>('GET', '/conferences?pageSize=100', { key });
    expect(list.status).toBe(200);
    expect(list.body.items.some((c) => c.id === draft.id)).toBe(SEES[role].drafts);
    expect(list.body.items.some((c) => c.id === started.id)).toBe(true);
    const drafts = await stack.api<Page<ConferenceView>>('GET', '/conferences?status=DRAFT', { key });
    expect(drafts.body.total > 0).toBe(SEES[role].drafts);
    expect((await stack.api('GET', `/conferences/${draft.id}`, { key })).status).toBe(SEES[role].drafts ? 200 : 404);

    const one = await stack.api<ConferenceView>('GET', `/conferences/${started.id}`, { key });
    expect(one.status).toBe(200);
    expect(one.body.participants.length).toBe(started.participants.length);
    for (const participant of [...one.body.participants, ...list.body.items.flatMap((c) => c.participants)]) {
      expect('email' in participant).toBe(SEES[role].participantEmail);
      expect(participant.contactName).toEqual(expect.any(String));
    }
    expect(DIRECTORY_MAIL.test(JSON.stringify(one.body))).toBe(SEES[role].participantEmail);
    expect(DIRECTORY_MAIL.test(JSON.stringify(list.body))).toBe(SEES[role].participantEmail);
  });

  it.each(Roles)('lists with addresses as %s: participants preview and invitations', async (role) => {
    const key = keys[role];
    const preview = await stack.api<ParticipantsPreview>('GET', `/conferences/${draft.id}/participants/preview`, {
      key,
    });
    const invitations = await stack.api<Page<InvitationView>>('GET', `/conferences/${started.id}/invitations`, {
      key,
    });
    if (!SEES[role].addressLists) {
      expect([preview.status, invitations.status]).toEqual([403, 403]);
      expect(DIRECTORY_MAIL.test(JSON.stringify([preview.body, invitations.body]))).toBe(false);
      return;
    }
    expect([preview.status, invitations.status]).toEqual([200, 200]);
    expect(preview.body.participants.every((p) => DIRECTORY_MAIL.test(p.email))).toBe(true);
  });

  it('the briefing pack: representatives’ contact details in the JSON for the organisers only, never in the PDF', async () => {
    const pdfs = new Set<string>();
    for (const role of Roles) {
      const key = keys[role];
      const json = await stack.api<BriefingPackView>('GET', `/conferences/${started.id}/briefing-pack`, { key });
      expect({ role, status: json.status }).toEqual({ role, status: 200 });
      const representatives = json.body.briefs.flatMap((b) => b.representatives);
      const { email, phone, ...named } = REPRESENTATIVE;
      expect({ role, representatives }).toEqual({
        role,
        representatives: [SEES[role].packContacts ? { ...named, email, phone } : named],
      });
      const text = JSON.stringify(json.body);
      expect({ role, email: text.includes(email), phone: text.includes(phone) }).toEqual({
        role,
        email: SEES[role].packContacts,
        phone: SEES[role].packContacts,
      });

      const pdf = await fetch(`${stack.baseUrl}/conferences/${started.id}/briefing-pack`, {
        headers: { 'X-API-Key': key, Accept: 'application/pdf' },
      });
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      pdfs.add(
        createHash('sha256')
          .update(Buffer.from(await pdf.arrayBuffer()))
          .digest('hex'),
      );
    }
    // One PDF for everyone, and it names the representative without their address or number.
    expect(pdfs.size).toBe(1);
    const pdf = await fetch(`${stack.baseUrl}/conferences/${started.id}/briefing-pack`, {
      headers: { 'X-API-Key': keys.press, Accept: 'application/pdf' },
    });
    const text = (await pdfParse(Buffer.from(await pdf.arrayBuffer()))).text.replace(/\s+/g, ' ');
    expect(text).toContain(REPRESENTATIVE.name);
    expect(text).not.toContain(REPRESENTATIVE.email);
    expect(text).not.toContain('123 456');
  });

  it('refuses properties the contract does not offer (mass assignment) with a 400 naming each, and writes nothing', async () => {
    const count = async () =>
      (await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM scheduling.conference'))[0].n;
    const before = await count();
    const land = agencies.find((a) => a.name === LAND)!;
    const attempts: Array<{ method: string; path: string; key?: string; body: unknown; fields: string[] }> = [
      {
        method: 'POST',
        path: '/conferences',
        body: {
          ...conferenceBody(new Date(Date.now() + 86_400_000), 'Hội nghị'),
          id: randomUUID(),
          status: 'CALLED',
          sequence: 7,
          createdBy: 'someone',
        },
        fields: ['id', 'status', 'sequence', 'createdBy'],
      },
      {
        method: 'PATCH',
        path: `/agencies/${land.id}`,
        body: { code: 'KHAC', id: randomUUID() },
        fields: ['code', 'id'],
      },
      {
        method: 'POST',
        path: '/api-keys',
        body: { name: 'Khóa tự chọn', role: 'reader', key: 'pk_admin_chosen_by_the_caller', id: randomUUID() },
        fields: ['key', 'id'],
      },
      {
        method: 'POST',
        path: `/brief-requests/${request.id}/briefs`,
        key: keys.agency,
        body: { title: 'T', summary: 'S', body: 'B', agencyId: agencies[0].id, status: 'ACCEPTED', version: 9 },
        fields: ['agencyId', 'status', 'version'],
      },
      {
        method: 'PUT',
        path: `/brief-requests/${request.id}/representatives`,
        key: keys.agency,
        body: { representatives: [{ ...REPRESENTATIVE, agencyId: agencies[0].id }] },
        fields: ['representatives[0].agencyId'],
      },
      {
        method: 'POST',
        path: `/brief-requests/${request.id}/review`,
        body: { decision: 'RETURN', comment: 'Bổ sung', reviewedBy: 'someone' },
        fields: ['reviewedBy'],
      },
    ];
    for (const { method, path, key, body, fields } of attempts) {
      const answer = await stack.api<Problem>(method, path, { key, body });
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      const named = new Set(answer.body.errors?.map((e) => e.field));
      expect({ path, named: fields.filter((f) => named.has(f)) }).toEqual({ path, named: fields });
    }
    expect(await count()).toBe(before);
    const agency = await stack.api<AgencyView>('GET', `/agencies/${land.id}`);
    expect(agency.body.code).toBe(land.code);
    const keysNow = await stack.api<Page<{ name: string }>>('GET', '/api-keys?pageSize=100');
    expect(keysNow.body.items.some((k) => k.name === 'Khóa tự chọn')).toBe(false);
    const stillAccepted = await stack.api<BriefRequestView>('GET', `/brief-requests/${request.id}`);
    expect(stillAccepted.body.status).toBe('ACCEPTED');
    expect(stillAccepted.body.representatives).toEqual([REPRESENTATIVE]);
  });

  it('ignores query parameters the contract does not name: they filter nothing and reveal nothing', async () => {
    const plain = await stack.api<Page<ConferenceView>>('GET', '/conferences?status=CALLED', { key: keys.press });
    const padded = await stack.api<Page<ConferenceView>>(
      'GET',
      '/conferences?status=CALLED&includeDrafts=true&role=admin&fields=email',
      { key: keys.press },
    );
    expect(padded.status).toBe(200);
    expect(padded.body).toEqual(plain.body);
  });
});
