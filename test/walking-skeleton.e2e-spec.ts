import ical from 'node-ical';
import type { BriefRequestView, ConferenceView, InvitationView, Page, Problem } from '@pressconf/contracts';
import { Stack, eventually } from './support/stack';
import { callPeriodicConference, countBy, waitForInvitations } from './support/conference';

describe('a conference flows end to end: called → invitations mailed → brief requests opened', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('invites every participant exactly once and asks the agencies concerned for briefs', async () => {
    const { agencies, conference } = await callPeriodicConference(stack);
    expect(conference.status).toBe('CALLED');
    expect(conference.sequence).toBe(1);

    // Always-invited roles, the matching provider (đất đai), the police (standing office), press, portal.
    const invitedAgencies = new Set(conference.participants.map((p) => p.agencyName));
    expect(invitedAgencies).toContain('Sở Nông nghiệp và Môi trường');
    expect(invitedAgencies).not.toContain('Sở Y tế');
    expect(conference.participants.every((p) => p.reason.length > 0)).toBe(true);

    const mails = await waitForInvitations(stack, conference.id, conference.participants.length);
    const perRecipient = countBy(mails, (m) => m.envelopeTo.join(','));
    for (const participant of conference.participants) {
      expect(perRecipient.get(participant.email.toLowerCase())).toBe(1);
    }
    expect(mails).toHaveLength(conference.participants.length);

    const mail = mails[0];
    expect(mail.parsed.subject).toMatch(/Giấy mời|Mời/);
    expect(mail.parsed.text).toContain('Hội nghị cung cấp thông tin về công tác nhân quyền tháng 12/2026');
    const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const events = Object.values(ical.sync.parseICS(ics!.content.toString('utf8'))).filter(
      (c): c is ical.VEvent => c.type === 'VEVENT',
    );
    expect(events).toHaveLength(1);
    expect(new Date(events[0].start).toISOString()).toBe(conference.startsAt);
    expect(mail.parsed.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true);

    const invitations = await eventually(async () => {
      const page = await stack.api<Page<InvitationView>>(
        'GET',
        `/conferences/${conference.id}/invitations?pageSize=100`,
      );
      return page.body.items.every((i) => i.status === 'SENT') ? page.body : undefined;
    });
    expect(invitations.total).toBe(conference.participants.length);

    const mustBrief = new Set(conference.participants.filter((p) => p.mustBrief).map((p) => p.agencyId));
    expect(mustBrief.size).toBeGreaterThanOrEqual(2);
    const requests = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
      return page.body.total === mustBrief.size ? page.body : undefined;
    });
    expect(new Set(requests.items.map((r) => r.agencyId))).toEqual(mustBrief);
    expect(requests.items.every((r) => r.status === 'OPEN')).toBe(true);
    for (const r of requests.items) expect(new Date(r.dueAt).getTime()).toBeLessThan(Date.parse(conference.startsAt));

    const fetched = await stack.api<ConferenceView>('GET', `/conferences/${conference.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.participants).toHaveLength(conference.participants.length);
    expect(agencies.length).toBeGreaterThan(0);
  });

  it('refuses a malformed request with a problem naming the field, and writes nothing', async () => {
    const before = await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM scheduling.conference');
    const response = await stack.api<Problem>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Thiếu giờ kết thúc',
        startsAt: '2027-01-15T09:00:00',
        endsAt: '2027-01-15T08:00:00+07:00',
        venue: 'Hội trường',
        topics: [],
      },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((response.body.errors ?? []).map((e) => e.field)).toContain('startsAt');
    const after = await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM scheduling.conference');
    expect(after[0].n).toBe(before[0].n);

    const broken = await stack.api<Problem>('POST', '/agencies', { raw: '{"code": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.errors?.[0].field).toBe('(body)');
  });

  it('answers 401 without a key and 404 for an unknown conference', async () => {
    expect((await stack.api('GET', '/conferences', { key: null })).status).toBe(401);
    const missing = await stack.api<Problem>('GET', '/conferences/6f1d4c2e-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.title).toBeDefined();
  });
});
