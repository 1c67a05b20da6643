import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFileOf } from '@pressconf/province';
import {
  AgencyView,
  ConferenceView,
  EventTypes,
  InvitationByTokenView,
  InvitationView,
  Page,
  ParticipantView,
  Problem,
  Topics,
} from '@pressconf/contracts';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import { countBy, invitationLinkOf, waitForInvitations } from '@pressconf/testing/support/conference';
import type { ReceivedMail } from '@pressconf/testing/support/smtp-sink';
import { callPeriodicConference } from '@pressconf/testing/support/conference';
import { issueKey } from '@pressconf/testing/support/role-keys';
import { handledByNotifications, publish, TopicWatch } from './support/events';
import {
  anonymous,
  calendarOf,
  kindOf,
  letterTextOf,
  mailsOf,
  parseCalendar,
  quietPeriod,
  recipientOf,
  rsvpLinkOf,
} from './support/mail';

/** The parts of the OpenAPI document the tests read. */
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}
interface OpenApiOperation {
  security?: unknown[];
  responses: Record<string, unknown>;
  parameters?: Array<{ name: string; schema: OpenApiSchema }>;
}
interface OpenApiSchema {
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  enum?: string[];
  $ref?: string;
}

/** Every participant got exactly one mail of the kind. */
function expectOneEach(mails: ReceivedMail[], participants: ParticipantView[]) {
  expect(countBy(mails, recipientOf)).toEqual(new Map(participants.map((p) => [p.email.toLowerCase(), 1])));
}

const CO_HOST_BODY = { code: 'BTGDVTU', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', letterHeader: 'TỈNH ỦY ĐẮK LẮK' };

describe('invitations: mail, calendar, letter, RSVP by token, reschedule and cancel', () => {
  let stack: Stack;
  let watch: TopicWatch;
  let conference: ConferenceView;
  let agencies: AgencyView[];
  let invitations: ReceivedMail[];
  let uid: string;

  beforeAll(async () => {
    // Đắk Lắk's profile, also describing the co-host as an issuing body (its header line and signer), as a province
    // does whose co-host issues the letters.
    const profile = JSON.parse(readFileSync(profileFileOf('dak-lak'), 'utf8')) as Record<string, unknown>;
    const profileFile = join(mkdtempSync(join(tmpdir(), 'pressconf-profile-')), 'dak-lak-co-host.json');
    writeFileSync(
      profileFile,
      JSON.stringify({
        ...profile,
        demoDirectory: undefined,
        issuingBodies: [
          { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
          { ...CO_HOST_BODY, signer: { position: 'KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN', name: 'Trần Văn Bình' } },
        ],
      }),
    );
    stack = await Stack.start({ env: { PROVINCE_PROFILE: profileFile } });
    watch = await TopicWatch.start(Topics.invitation);
    ({ conference, agencies } = await callPeriodicConference(stack));
    invitations = await waitForInvitations(stack, conference.id, conference.participants.length);
    uid = `conference-${conference.id}@pressconf.daklak.gov.vn`;
  });

  afterAll(async () => {
    await watch?.stop();
    await stack?.stop();
  });

  const participantOf = (mail: ReceivedMail): ParticipantView =>
    conference.participants.find((p) => p.inviteeId === mail.parsed.headers.get('x-invitee-id'))!;

  it('mails each invitee one invitation in Vietnamese, from the configured sender, replying to the organiser', () => {
    expectOneEach(invitations, conference.participants);
    for (const mail of invitations) {
      const participant = participantOf(mail);
      expect(kindOf(mail)).toBe('INVITATION');
      expect(mail.parsed.from?.value[0].address).toBe('no-reply@pressconf.test');
      expect(mail.parsed.replyTo?.value[0].address).toMatch(/^svhttdl\.[0-9a-f]{6}@daklak\.example\.vn$/);
      expect(mail.parsed.subject!.startsWith(`Giấy mời: ${conference.title} – `)).toBe(true);
      expect(mail.parsed.subject).toMatch(/ – \d{2}:\d{2}, (thứ [A-Za-zÀ-ỹ]+|Chủ nhật), ngày \d{1,2}\/\d{1,2}\/\d{4}$/);
      for (const body of [mail.parsed.text!, mail.parsed.html as string]) {
        expect(body).toContain(conference.title);
        expect(body).toContain(participant.contactName);
        expect(body).toContain('Hội nghị cung cấp thông tin cho báo chí định kỳ');
        expect(body).toContain('giờ Việt Nam (UTC+07:00)');
        expect(body).toContain('Buôn Ma Thuột');
      }
      expect(mail.parsed.html).toContain(`href="${invitationLinkOf(mail)}"`);
    }
  });

  it('attaches an iCalendar REQUEST that a calendar parser reads, with local times and their VTIMEZONE', () => {
    for (const mail of invitations) {
      const calendar = calendarOf(mail);
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.event.uid).toBe(uid);
      expect(Number(calendar.event.sequence)).toBe(1);
      expect(new Date(calendar.event.start).toISOString()).toBe(conference.startsAt);
      expect(new Date(calendar.event.end).toISOString()).toBe(conference.endsAt);
      expect(calendar.raw).toMatch(/^DTSTART;TZID=Asia\/Ho_Chi_Minh:\d{8}T\d{6}\r?$/m);
      expect(calendar.timezones.map((tz) => tz.tzid)).toEqual(['Asia/Ho_Chi_Minh']);
      const attendee = calendar.event.attendee as unknown as { val: string; params: Record<string, unknown> };
      expect(attendee.val.toLowerCase()).toBe(`mailto:${participantOf(mail).email.toLowerCase()}`);
      expect(attendee.params.RSVP).toBe(true);
      const organizer = calendar.event.organizer as unknown as { val: string };
      expect(organizer.val).toMatch(/^mailto:svhttdl\./i);
    }
  });

  it('attaches the letter (Giấy mời) as a PDF in the administrative format, numbered per issuer and year', async () => {
    const numbers = new Set<string>();
    for (const mail of invitations) {
      const text = await letterTextOf(mail);
      for (const line of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'GIẤY MỜI',
        'Kính gửi',
      ]) {
        expect(text).toContain(line);
      }
      expect(text).toContain(participantOf(mail).contactName);
      expect(text).toMatch(/Đắk Lắk, ngày \d{2} tháng \d{1,2} năm \d{4}/);
      numbers.add(/Số: (\d{2,}\/GM-[A-Z0-9-]+)/.exec(text)![1]);
    }
    expect(numbers.size).toBe(1); // one letter per conference
  });

  it('names the hosts in mail and letter; the co-host issues the letter, in its own number series', async () => {
    const coHost = agencies.find((a) => a.roles.includes('CO_HOST'))!;
    const hostNames = conference.hosts.map((h) => h.agencyName);
    expect(hostNames).toHaveLength(4);
    const mail = invitations[0];
    expect(mail.parsed.text).toContain(`Cơ quan chủ trì: ${hostNames.join(', ')}`);
    const text = (await letterTextOf(mail)).replace(/\s+/g, ' ');
    // The profile's body for the co-host heads, numbers and signs the letter.
    expect(text).toContain(`${CO_HOST_BODY.letterHeader} ${CO_HOST_BODY.name.toLocaleUpperCase('vi')}`);
    expect(text).not.toContain('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH');
    expect(text).toContain(`Số: 01/GM-${CO_HOST_BODY.code}`);
    expect(text).toContain('KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN Trần Văn Bình');
    expect(text).toContain(`Cơ quan chủ trì: ${coHost.name} (đồng chủ trì);`);
    const page = await anonymous<InvitationByTokenView>(rsvpLinkOf(mail));
    expect(page.body.conference.hosts).toEqual(hostNames);

    // A second conference of the same co-host takes the next number of its series.
    const draft = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin tháng sau',
        startsAt: conference.startsAt,
        endsAt: conference.endsAt,
        venue: conference.venue,
        topics: conference.topics,
      },
    });
    const next = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
    expect(next.body.issuer).toEqual({ agencyId: coHost.id, agencyName: coHost.name, code: coHost.code });
    const [nextMail] = await waitForInvitations(stack, next.body.id, next.body.participants.length);
    expect(await letterTextOf(nextMail)).toContain(`Số: 02/GM-${CO_HOST_BODY.code}`);

    // A host reads the invitations of the conferences its agency hosts; another's are a 404.
    const [coHostKey, providerKey] = await Promise.all([
      issueKey(stack, 'host', coHost.id),
      issueKey(stack, 'host', agencies.find((a) => a.roles.length === 1 && a.roles[0] === 'INFORMATION_PROVIDER')!.id),
    ]);
    const listed = (key: string) => stack.api('GET', `/conferences/${conference.id}/invitations`, { key });
    expect((await listed(coHostKey)).status).toBe(200);
    expect((await listed(providerKey)).status).toBe(404);
    const deliveries = await stack.api<Page<{ conferenceId: string | null }>>('GET', '/deliveries?pageSize=100', {
      key: providerKey,
    });
    expect(deliveries.body.total).toBe(0);
  });

  it('lets an invitee see and answer the invitation through the link in the mail, without an account', async () => {
    const mail = invitations.find((m) => participantOf(m).role === 'INFORMATION_PROVIDER')!;
    const invitee = participantOf(mail);
    const link = rsvpLinkOf(mail);

    const seen = await anonymous<InvitationByTokenView>(link);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      conference: {
        id: conference.id,
        title: conference.title,
        kind: 'PERIODIC',
        status: 'CALLED',
        timeZone: 'Asia/Ho_Chi_Minh',
      },
      invitee: { name: invitee.contactName, role: 'INFORMATION_PROVIDER' },
      rsvp: 'PENDING',
      respondedAt: null,
      canChange: true,
      changeableUntil: conference.startsAt,
      calendarUrl: `${link}/calendar.ics`,
    });

    const missingDelegate = await anonymous<Problem>(`${link}/rsvp`, {
      method: 'POST',
      body: { response: 'DELEGATE' },
    });
    expect(missingDelegate.status).toBe(400);
    expect(missingDelegate.contentType).toContain('application/problem+json');
    expect(missingDelegate.body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['delegateName', 'delegateTitle']),
    );
    const strayDelegate = await anonymous(`${link}/rsvp`, {
      method: 'POST',
      body: { response: 'ACCEPT', delegateName: 'Ai đó' },
    });
    expect(strayDelegate.status).toBe(400);

    const delegated = await anonymous(`${link}/rsvp`, {
      method: 'POST',
      body: { response: 'DELEGATE', delegateName: 'Trần Văn Bình', delegateTitle: 'Phó Giám đốc' },
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body).toMatchObject({
      rsvp: 'DELEGATE',
      delegateName: 'Trần Văn Bình',
      delegateTitle: 'Phó Giám đốc',
    });
    await eventually(async () => {
      const { body } = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
      const participant = body.participants.find((p) => p.inviteeId === invitee.inviteeId);
      return participant?.rsvp === 'DELEGATE' && participant.delegateName === 'Trần Văn Bình';
    });

    const accepted = await anonymous<InvitationByTokenView>(`${link}/rsvp`, {
      method: 'POST',
      body: { response: 'ACCEPT' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.rsvp).toBe('ACCEPT');
    expect(accepted.body.delegateName).toBeUndefined();
    const again = await anonymous<InvitationByTokenView>(`${link}/rsvp`, {
      method: 'POST',
      body: { response: 'ACCEPT' },
    });
    expect(again.body.respondedAt).toBe(accepted.body.respondedAt); // the same answer changes nothing
    await eventually(async () => {
      const { body } = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
      return body.participants.find((p) => p.inviteeId === invitee.inviteeId)?.rsvp === 'ACCEPT';
    });

    const announced = await eventually(() => {
      const events = watch
        .of(EventTypes.rsvpReceived, conference.id)
        .filter((e) => e.data.inviteeId === invitee.inviteeId);
      return events.length >= 2 ? events : undefined;
    });
    expect(announced.map((e) => e.data.response)).toEqual(['DELEGATE', 'ACCEPT']);
    expect(announced[0].data).toMatchObject({ conferenceId: conference.id, delegateName: 'Trần Văn Bình' });
  });

  it('lists who has and has not answered', async () => {
    const pending = await stack.api<Page<InvitationView>>(
      'GET',
      `/conferences/${conference.id}/invitations?rsvp=PENDING&pageSize=100`,
    );
    expect(pending.status).toBe(200);
    expect(pending.body.total).toBe(conference.participants.length - 1);
    expect(pending.body.items.every((i) => i.rsvp === 'PENDING')).toBe(true);

    const answered = await stack.api<Page<InvitationView>>(
      'GET',
      `/conferences/${conference.id}/invitations?rsvp=ACCEPT`,
    );
    expect(answered.body.total).toBe(1);
    expect(answered.body.items[0]).toMatchObject({ rsvp: 'ACCEPT', notice: 'INVITATION', status: 'SENT', attempts: 1 });
    expect(Date.parse(answered.body.items[0].rsvpAt ?? '')).not.toBeNaN();
    expect(Date.parse(answered.body.items[0].sentAt ?? '')).not.toBeNaN();

    expect((await stack.api('GET', `/conferences/${conference.id}/invitations?rsvp=MAYBE`)).status).toBe(400);
  });

  it('serves the current calendar entry by token, and 404 for an unknown or malformed token', async () => {
    const link = rsvpLinkOf(invitations[0]);
    const ics = await anonymous(`${link}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const calendar = parseCalendar(ics.text);
    expect(calendar.method).toBe('REQUEST');
    expect(Number(calendar.event.sequence)).toBe(1);
    expect(calendar.event.uid).toBe(uid);

    const base = link.slice(0, link.lastIndexOf('/'));
    for (const token of ['A'.repeat(32), 'not-a-token', `${'b'.repeat(31)}%2F`]) {
      for (const path of ['', '/calendar.ics']) {
        const response = await anonymous<Problem>(`${base}/${token}${path}`);
        expect(response.status).toBe(404);
        expect(response.contentType).toContain('application/problem+json');
        expect(response.body.detail).toBe('Invitation for this link was not found');
      }
      expect((await anonymous(`${base}/${token}/rsvp`, { method: 'POST', body: { response: 'ACCEPT' } })).status).toBe(
        404,
      );
    }
  });

  it('documents the RSVP routes as open to the token holder, and the rsvp filter', async () => {
    const document = (await (
      await fetch(`http://127.0.0.1:${stack.ports.gateway}/docs-json`)
    ).json()) as OpenApiDocument;
    const byToken = document.paths['/api/v1/invitations/{token}'].get;
    expect(byToken.security).toEqual([]); // public: the token is the credential
    expect(Object.keys(byToken.responses).sort()).toEqual(['200', '404', '410']);
    expect(Object.keys(document.paths['/api/v1/invitations/{token}/rsvp'].post.responses).sort()).toEqual([
      '200',
      '400',
      '404',
      '409',
      '410',
    ]);
    expect(document.paths['/api/v1/invitations/{token}/calendar.ics'].get).toBeDefined();
    const schemas = document.components.schemas;
    expect(schemas.InvitationByTokenView.properties?.conference.$ref).toBe(
      '#/components/schemas/InvitedConferenceView',
    );
    expect(schemas.InvitationByTokenView.required).toEqual(
      expect.arrayContaining(['rsvp', 'canChange', 'changeableUntil']),
    );
    expect(schemas.RsvpDto.properties?.response.enum).toEqual(['ACCEPT', 'DECLINE', 'DELEGATE']);
    expect(schemas.InvitationByTokenView.properties?.locale.enum).toEqual(['vi', 'en']);
    expect(schemas.InvitationView.properties?.locale.enum).toEqual(['vi', 'en']);
    expect(schemas.InvitationView.properties?.status.enum).toEqual(['PENDING', 'SENT', 'FAILED']);
    const list = document.paths['/api/v1/conferences/{id}/invitations'].get;
    expect(list.parameters?.find((p) => p.name === 'rsvp')?.schema.enum).toEqual([
      'PENDING',
      'ACCEPT',
      'DECLINE',
      'DELEGATE',
    ]);
  });

  it('refuses an answer once the conference has started', async () => {
    const link = rsvpLinkOf(invitations[1]);
    await stack.query(`UPDATE notifications.conference SET starts_at = now() - interval '1 minute' WHERE id = $1`, [
      conference.id,
    ]);
    try {
      const late = await anonymous(`${link}/rsvp`, { method: 'POST', body: { response: 'DECLINE' } });
      expect(late.status).toBe(409);
      expect((await anonymous<InvitationByTokenView>(link)).body.canChange).toBe(false);
    } finally {
      await stack.query(`UPDATE notifications.conference SET starts_at = $2 WHERE id = $1`, [
        conference.id,
        conference.startsAt,
      ]);
    }
  });

  it('keeps no RSVP token, only its hash; a link stops answering RSVP_LINK_DAYS_AFTER_END after the end (410)', async () => {
    const page = invitationLinkOf(invitations[2]);
    const token = page.split('/').pop()!;
    const rows = await stack.query<Record<string, unknown>>(
      `SELECT * FROM notifications.invitation WHERE conference_id = $1`,
      [conference.id],
    );
    expect(Object.keys(rows[0])).not.toContain('token');
    expect(JSON.stringify(rows)).not.toContain(token);
    const hash = createHash('sha256').update(token, 'utf8').digest();
    expect(rows.filter((row) => (row.token_hash as Buffer).equals(hash))).toHaveLength(1);

    const endedAgo = (days: number) =>
      stack.query(
        `UPDATE notifications.conference SET starts_at = now() - make_interval(days => $2, hours => 2),
                ends_at = now() - make_interval(days => $2) WHERE id = $1`,
        [conference.id, days],
      );
    try {
      await endedAgo(29);
      expect((await anonymous(rsvpLinkOf(invitations[2]))).status).toBe(200);
      await endedAgo(31);
      const gone = await anonymous<Problem>(rsvpLinkOf(invitations[2]));
      expect(gone.status).toBe(410);
      expect(gone.body.type).toMatch(/\/gone$/);
      expect((await anonymous(`${rsvpLinkOf(invitations[2])}/calendar.ics`)).status).toBe(410);
      const html = await fetch(page);
      expect(html.status).toBe(410);
      expect(await html.text()).toContain('Giấy mời đã hết hiệu lực');
    } finally {
      await stack.query(`UPDATE notifications.conference SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
        conference.id,
        conference.startsAt,
        conference.endsAt,
      ]);
    }
  });

  it('writes to each invitee in their language: mail, calendar and page in English for `en`, the letter in Vietnamese', async () => {
    // A call whose contacts speak different languages, published as scheduling would publish it.
    const conferenceId = randomUUID();
    // 09:00 in Vietnam, ten days ahead: a range within one day.
    const startsAt = new Date((Math.floor(Date.now() / 86_400_000) + 10) * 86_400_000 + 2 * 3600_000);
    const [agency] = conference.participants;
    const invitee = (name: string, email: string, locale?: 'en') => ({
      inviteeId: randomUUID(),
      agencyId: randomUUID(),
      agencyName: agency.agencyName,
      role: 'INFORMATION_PROVIDER' as const,
      contactName: name,
      email,
      mustBrief: false,
      ...(locale ? { locale } : {}),
    });
    const english = invitee('John Smith', 'john.smith@example.org', 'en');
    const vietnamese = invitee('Trần Thị Hoa', 'hoa.tt@example.org'); // no locale: Vietnamese
    await publish(EventTypes.conferenceCalled, conferenceId, {
      conferenceId,
      kind: 'PERIODIC',
      title: 'Hội nghị cung cấp thông tin về đầu tư nước ngoài',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      venue: 'Hội trường UBND tỉnh, Buôn Ma Thuột',
      topics: ['Đầu tư nước ngoài'],
      sequence: 1,
      invitees: [english, vietnamese],
    });
    const mails = await eventually(() => {
      const found = mailsOf(stack, conferenceId, 'INVITATION');
      return found.length >= 2 ? found : undefined;
    });
    const to = (email: string) => mails.find((m) => recipientOf(m) === email)!;

    const en = to(english.email);
    expect(en.parsed.subject).toMatch(
      /^Invitation: Hội nghị cung cấp thông tin về đầu tư nước ngoài – \d{2}:\d{2}, \w+day, /,
    );
    expect(en.parsed.text).toContain('You are cordially invited to attend the periodic press information conference');
    expect(en.parsed.text).toContain('Vietnam time (UTC+07:00)');
    expect(calendarOf(en).event.description).toMatch(/^Periodic press information conference – Đắk Lắk Province\n/);
    expect(en.parsed.attachments.map((a) => a.filename)).toEqual(expect.arrayContaining(['invitation.ics']));
    expect(await letterTextOf(en)).toContain('GIẤY MỜI'); // an official document: Vietnamese for everyone
    // A call of an earlier version names no issuer: the profile's issuing body numbers the letter, as before.
    expect(await letterTextOf(en)).toMatch(/Số: \d{2}\/GM-SVHTTDL/);

    const vi = to(vietnamese.email);
    expect(vi.parsed.subject).toMatch(/^Giấy mời: /);
    expect(vi.parsed.text).toContain('giờ Việt Nam (UTC+07:00)');
    expect(calendarOf(vi).event.description).toMatch(
      /^Hội nghị cung cấp thông tin cho báo chí định kỳ – tỉnh Đắk Lắk\n/,
    );

    const seen = await anonymous<InvitationByTokenView>(rsvpLinkOf(en));
    expect(seen.body.locale).toBe('en');
    expect((await anonymous<InvitationByTokenView>(rsvpLinkOf(vi))).body.locale).toBe('vi');
    const ics = await anonymous(`${rsvpLinkOf(en)}/calendar.ics`);
    expect(parseCalendar(ics.text).event.description).toMatch(/^Periodic press information conference/);

    const page = await anonymous(invitationLinkOf(en));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('<h2 id="answer-heading">Your attendance</h2>');
    expect(page.text).toMatch(/<time datetime="[^"]+">\d{2}:\d{2} – \d{2}:\d{2}, \w+day, \d{1,2} \w+ \d{4}<\/time>/);
    const vietnamesePage = await anonymous(invitationLinkOf(vi));
    expect(vietnamesePage.text).toContain('<html lang="vi">');
    expect(vietnamesePage.text).toContain('Xác nhận tham dự');

    // Every later notice follows the same person's language.
    await publish(EventTypes.conferenceAgendaChanged, conferenceId, {
      conferenceId,
      sequence: 2,
      agenda: [
        { title: 'Khai mạc', presenterName: 'Lê Quang Minh', durationMinutes: 10, startsAt: startsAt.toISOString() },
      ],
    });
    const changes = await eventually(() => {
      const found = mailsOf(stack, conferenceId, 'INVITATION_AGENDA_CHANGED');
      return found.length >= 2 ? found : undefined;
    });
    const changed = (email: string) => changes.find((m) => recipientOf(m) === email)!;
    expect(changed(english.email).parsed.text).toContain('Khai mạc – Lê Quang Minh (10 min)');
    expect(calendarOf(changed(english.email)).event.description).toContain('Agenda:\n- ');
    expect(changed(vietnamese.email).parsed.text).toContain('Khai mạc – Lê Quang Minh (10 phút)');
  });

  it('sends everyone an updated invitation on reschedule: same UID, higher SEQUENCE, new times', async () => {
    const startsAt = new Date(Date.parse(conference.startsAt) + 24 * 3600_000).toISOString();
    const endsAt = new Date(Date.parse(conference.endsAt) + 24 * 3600_000).toISOString();
    const rescheduled = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/reschedule`, {
      body: { startsAt, endsAt, reason: 'Trùng lịch họp của Tỉnh ủy' },
    });
    expect(rescheduled.status).toBe(200);
    const updates = await eventually(() => {
      const mails = mailsOf(stack, conference.id, 'INVITATION_UPDATED');
      return mails.length >= conference.participants.length ? mails : undefined;
    });
    expectOneEach(updates, conference.participants);
    for (const mail of updates) {
      const calendar = calendarOf(mail);
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.event.uid).toBe(uid);
      expect(Number(calendar.event.sequence)).toBe(rescheduled.body.sequence);
      expect(Number(calendar.event.sequence)).toBeGreaterThan(1);
      expect(new Date(calendar.event.start).toISOString()).toBe(startsAt);
      expect(mail.parsed.text).toContain('Lý do: Trùng lịch họp của Tỉnh ủy');
      expect(mail.parsed.text).toContain('Thời gian mới');
    }
    const link = rsvpLinkOf(invitations[0]);
    // The token is derived again for the new mail, not stored: the same link as in the invitation.
    expect(rsvpLinkOf(updates.find((m) => recipientOf(m) === recipientOf(invitations[0]))!)).toBe(link);
    expect((await anonymous<InvitationByTokenView>(link)).body.conference).toMatchObject({
      startsAt,
      status: 'RESCHEDULED',
    });
    expect(Number(parseCalendar((await anonymous(`${link}/calendar.ics`)).text).event.sequence)).toBe(
      rescheduled.body.sequence,
    );
  });

  it('sends a cancellation with METHOD:CANCEL, then refuses answers and sends nothing more', async () => {
    const cancelled = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/cancel`, {
      body: { reason: 'Nội dung đã được thông tin tại họp báo khác' },
    });
    expect(cancelled.status).toBe(200);
    const notices = await eventually(() => {
      const mails = mailsOf(stack, conference.id, 'INVITATION_CANCELLED');
      return mails.length >= conference.participants.length ? mails : undefined;
    });
    expectOneEach(notices, conference.participants);
    for (const mail of notices) {
      const calendar = calendarOf(mail);
      expect(calendar.method).toBe('CANCEL');
      expect(calendar.event.uid).toBe(uid);
      expect(calendar.event.status).toBe('CANCELLED');
      expect(Number(calendar.event.sequence)).toBe(cancelled.body.sequence);
      expect(mail.parsed.subject).toBe(`Thông báo hủy hội nghị: ${conference.title}`);
      expect(mail.parsed.text).toContain('Nội dung đã được thông tin tại họp báo khác');
    }

    const link = rsvpLinkOf(invitations[0]);
    const late = await anonymous(`${link}/rsvp`, { method: 'POST', body: { response: 'ACCEPT' } });
    expect(late.status).toBe(409);
    expect((await anonymous(link)).body).toMatchObject({ canChange: false, conference: { status: 'CANCELLED' } });
    const ics = await anonymous(`${link}/calendar.ics`);
    expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(parseCalendar(ics.text).method).toBe('CANCEL');

    // Events that would otherwise mail everyone, or an agency, arrive after the cancellation.
    const mustBrief = conference.participants.find((p) => p.mustBrief)!;
    const pack = await publish(EventTypes.briefingPackCompiled, conference.id, {
      conferenceId: conference.id,
      packId: '0d4f4c1e-2f3a-4b5c-8d6e-7f8091a2b3c4',
      version: 1,
      briefIds: [],
    });
    const overdue = await publish(EventTypes.briefRequestOverdue, conference.id, {
      requestId: '1e5a5d2f-3a4b-4c6d-9e7f-8091a2b3c4d5',
      conferenceId: conference.id,
      agencyId: mustBrief.agencyId,
      dueAt: new Date().toISOString(),
    });
    await eventually(
      async () =>
        (await handledByNotifications(stack.query.bind(stack), pack.id)) &&
        (await handledByNotifications(stack.query.bind(stack), overdue.id)),
    );
    const after = await quietPeriod(stack, conference.id, 3000);
    expect(after.map(kindOf)).toEqual([]);
    const queued = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications.delivery WHERE conference_id = $1 AND status = 'PENDING'`,
      [conference.id],
    );
    expect(queued[0].n).toBe(0);
  });
});
