import { createHash } from 'node:crypto';
import {
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

describe('invitations: mail, calendar, letter, RSVP by token, reschedule and cancel', () => {
  let stack: Stack;
  let watch: TopicWatch;
  let conference: ConferenceView;
  let invitations: ReceivedMail[];
  let uid: string;

  beforeAll(async () => {
    stack = await Stack.start();
    watch = await TopicWatch.start(Topics.invitation);
    ({ conference } = await callPeriodicConference(stack));
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
      numbers.add(/Số: (\d{2,}\/GM-[A-Z]+)/.exec(text)![1]);
    }
    expect(numbers.size).toBe(1); // one letter per conference
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
