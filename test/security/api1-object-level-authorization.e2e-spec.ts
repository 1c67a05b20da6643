import { randomUUID } from 'node:crypto';
import type {
  AttachmentView,
  BriefRequestView,
  BriefView,
  ConferenceView,
  InvitationByTokenView,
  Page,
  Problem,
} from '@pressconf/contracts';
import { Stack, eventually } from '../support/stack';
import { callPeriodicConference, invitationLinkOf, invitationMails } from '../support/conference';
import { issueKey, TINY_PNG } from '../support/role-keys';

/**
 * OWASP API1:2023 Broken Object Level Authorization. An agency acts on its own brief requests, briefs and
 * attachments only: another agency's are a 404 exactly like an id that does not exist (API.md, "404 not found
 * (also for another agency's object)"), so ids cannot be probed, and nothing changes. An invitation token opens
 * its own invitation and no other. Ids are random UUIDs: a neighbour of a real id is nobody's.
 */
const LAND = 'Sở Nông nghiệp và Môi trường';
const POLICE = 'Công an tỉnh Đắk Lắk';

describe('API1: object-level authorization', () => {
  let stack: Stack;
  let conference: ConferenceView;
  let own: BriefRequestView;
  let foreign: BriefRequestView;
  let landKey: string;
  let policeKey: string;
  let brief: BriefView;
  let attachment: AttachmentView;

  /** What a 404 says, with the id taken out: a foreign object and a missing one must read the same. */
  const shape = (answer: { status: number; body: Problem }, id: string) => ({
    status: answer.status,
    title: answer.body.title,
    detail: answer.body.detail?.replace(id, '<id>'),
  });

  beforeAll(async () => {
    stack = await Stack.start();
    const called = await callPeriodicConference(stack);
    conference = called.conference;
    const agencyId = (name: string) => called.agencies.find((a) => a.name === name)!.id;
    [landKey, policeKey] = await Promise.all([
      issueKey(stack, 'agency', agencyId(LAND)),
      issueKey(stack, 'agency', agencyId(POLICE)),
    ]);
    const requests = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
      const land = page.body.items.find((r) => r.agencyName === LAND);
      const police = page.body.items.find((r) => r.agencyName === POLICE);
      return land && police ? { land, police } : undefined;
    });
    own = requests.land;
    foreign = requests.police;
    // The police's brief and file, which the land department will try to reach.
    const saved = await stack.api<BriefView>('POST', `/brief-requests/${foreign.id}/briefs`, {
      key: policeKey,
      body: { title: 'Tình hình an ninh, trật tự', summary: 'Ổn định.', body: 'Không phát sinh vụ việc phức tạp.' },
    });
    expect(saved.status).toBe(201);
    brief = saved.body;
    const uploaded = await stack.upload<AttachmentView>(`/briefs/${brief.id}/attachments`, TINY_PNG, 'so-lieu.png', {
      key: policeKey,
    });
    expect(uploaded.status).toBe(201);
    attachment = uploaded.body;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists only the agency’s own brief requests', async () => {
    const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`, {
      key: landKey,
    });
    expect(page.status).toBe(200);
    expect(page.body.items.map((r) => r.id)).toEqual([own.id]);
    expect(page.body.total).toBe(1);
  });

  it('answers another agency’s request, brief and file with the 404 of an id that does not exist', async () => {
    const missing = randomUUID();
    const probes: Array<[string, string, (id: string) => string, unknown?]> = [
      ['GET', 'request', (id) => `/brief-requests/${id}`],
      ['POST', 'request', (id) => `/brief-requests/${id}/briefs`, { title: 'Chiếm', summary: 'x', body: 'x' }],
      ['POST', 'request', (id) => `/brief-requests/${id}/submit`],
      ['PUT', 'request', (id) => `/brief-requests/${id}/representatives`, { representatives: [] }],
      ['POST', 'request', (id) => `/brief-requests/${id}/nothing-to-report`, { comment: 'Không có' }],
      ['GET', 'brief', (id) => `/briefs/${id}`],
      ['GET', 'attachment', (id) => `/briefs/${brief.id}/attachments/${id}`],
    ];
    const real = { request: foreign.id, brief: brief.id, attachment: attachment.id };
    for (const [method, what, path, body] of probes) {
      const theirs = await stack.api<Problem>(method, path(real[what as keyof typeof real]), { key: landKey, body });
      const nobodys = await stack.api<Problem>(method, path(missing), { key: landKey, body });
      expect({ probe: `${method} ${path(':id')}`, status: theirs.status }).toEqual({
        probe: `${method} ${path(':id')}`,
        status: 404,
      });
      expect(shape(theirs, real[what as keyof typeof real])).toEqual(shape(nobodys, missing));
    }
    const upload = await stack.upload<Problem>(`/briefs/${brief.id}/attachments`, TINY_PNG, 'x.png', { key: landKey });
    expect(upload.status).toBe(404);
    const download = await fetch(`${stack.baseUrl}/briefs/${brief.id}/attachments/${attachment.id}`, {
      headers: { 'X-API-Key': landKey },
    });
    expect(download.status).toBe(404);
  });

  it('changed nothing of the other agency’s request while refusing', async () => {
    const request = await stack.api<BriefRequestView>('GET', `/brief-requests/${foreign.id}`, { key: policeKey });
    expect(request.body.status).toBe(foreign.status);
    expect(request.body.representatives).toEqual(foreign.representatives);
    const theirBrief = await stack.api<BriefView>('GET', `/briefs/${brief.id}`, { key: policeKey });
    expect(theirBrief.body.currentVersion).toBe(1);
    expect(theirBrief.body.attachments.map((a) => a.id)).toEqual([attachment.id]);
    // The agency's own request stays its to use.
    expect((await stack.api('GET', `/brief-requests/${own.id}`, { key: landKey })).status).toBe(200);
  });

  it('gives out ids no one can guess, and answers guesses and malformed ids without a 500', async () => {
    for (const id of [conference.id, foreign.id, brief.id, attachment.id]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    // The neighbours of a real id belong to no one.
    const neighbours = [1, 2, 3].map((n) => {
      const last = parseInt(foreign.id.slice(-4), 16);
      return `${foreign.id.slice(0, -4)}${((last + n) % 0x10000).toString(16).padStart(4, '0')}`;
    });
    for (const id of neighbours) {
      expect((await stack.api('GET', `/brief-requests/${id}`, { key: landKey })).status).toBe(404);
      expect((await stack.api('GET', `/brief-requests/${id}`)).status).toBe(404);
    }
    for (const id of ['1', '0', '..%2F..%2Fapi-keys', "1'%20OR%20'1'%3D'1", 'x'.repeat(300)]) {
      const answer = await stack.api<Problem>('GET', `/brief-requests/${id}`, { key: landKey });
      expect({ id, status: answer.status }).toEqual({ id, status: 400 });
      expect(answer.body.errors?.map((e) => e.field)).toContain('id');
    }
  });

  it('opens an invitation with its own token only', async () => {
    const mails = await eventually(() => {
      const sent = invitationMails(stack, conference.id);
      return sent.length >= 2 ? sent : undefined;
    }, 60_000);
    const [first, second] = mails.slice(0, 2).map((m) => invitationLinkOf(m).split('/').pop()!);
    const mine = await stack.api<InvitationByTokenView>('GET', `/invitations/${first}`, { key: null });
    const theirs = await stack.api<InvitationByTokenView>('GET', `/invitations/${second}`, { key: null });
    expect(mine.status).toBe(200);
    expect(theirs.status).toBe(200);
    expect(mine.body.invitee).not.toEqual(theirs.body.invitee);

    // A token one character off, cut short or lengthened is nobody's: the same 404 as a made-up one.
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    for (const forged of [
      `${first.slice(0, -1)}${flip(first.slice(-1))}`,
      first.slice(0, -1),
      `${first}A`,
      'A'.repeat(first.length),
    ]) {
      expect((await stack.api('GET', `/invitations/${forged}`, { key: null })).status).toBe(404);
      expect(
        (await stack.api('POST', `/invitations/${forged}/rsvp`, { key: null, body: { response: 'DECLINE' } })).status,
      ).toBe(404);
    }

    // Answering with one token changes that invitation alone.
    const answered = await stack.api<InvitationByTokenView>('POST', `/invitations/${first}/rsvp`, {
      key: null,
      body: { response: 'ACCEPT' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.rsvp).toBe('ACCEPT');
    const other = await stack.api<InvitationByTokenView>('GET', `/invitations/${second}`, { key: null });
    expect(other.body.rsvp).toBe('PENDING');

    // The token is a credential for its invitation, not for the API.
    expect((await stack.api('GET', '/conferences', { key: first })).status).toBe(401);
  });
});
