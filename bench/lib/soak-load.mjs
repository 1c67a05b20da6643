// The soak's steady mixed load through the REST API with API keys of each role: conferences created and called
// with 20–500 invitees, reschedules, cancellations, briefs with an attachment, submissions and reviews, RSVPs from
// the links in the invitations, briefing packs compiled, an incident now and then, and reads in between.
import { baseAgencies, conferenceDraft, pressAgency } from './directory.mjs';
import { sleep } from './util.mjs';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** What a worker does next, and how often relative to the others. */
const WEIGHTS = { read: 40, call: 4, reschedule: 2, cancel: 1, brief: 6, review: 3, rsvp: 8, pack: 1, incident: 1 };

export class SoakLoad {
  conferences = []; // called conferences: { id, status }
  calling = false;
  lastCallAt = 0;
  backlogCheckedAt = 0;
  backlogFull = false;
  #stop = false;

  /**
   * @param {{ client: import('./soak-client.mjs').SoakClient, adminKey: string, sink: import('./smtp-sink.mjs').SmtpSink,
   *           random: ReturnType<import('./soak-random.mjs').seededRandom>, tag: string,
   *           invitees: [number, number], backlog: () => Promise<number>, maxBacklog: number, callIntervalS: number }} options
   */
  constructor(options) {
    this.options = options;
    this.client = options.client;
  }

  /** The base directory and one key per role (an agency key for each agency of the directory). */
  async prepare() {
    const { client, adminKey, tag } = this.options;
    this.agencies = [];
    for (const agency of baseAgencies(tag)) {
      const created = await client.call('register agency', 'POST', '/agencies', { key: adminKey, body: agency });
      if (!created.ok) throw new Error(`the soak's directory: ${JSON.stringify(created.body)}`);
      this.agencies.push(created.body);
    }
    const key = async (role, agencyId) => {
      const answer = await client.call('issue key', 'POST', '/api-keys', {
        key: adminKey,
        body: { name: `soak ${role}`, role, ...(agencyId ? { agencyId } : {}) },
      });
      if (!answer.ok) throw new Error(`the soak's ${role} key: ${JSON.stringify(answer.body)}`);
      return answer.body.key;
    };
    // A host key acts for its agency, and reads the conferences it hosts: the co-host hosts every one.
    const coHost = this.agencies.find((agency) => agency.roles.includes('CO_HOST'));
    this.keys = {
      coordinator: await key('coordinator'),
      host: await key('host', coHost.id),
      reader: await key('reader'),
    };
    this.agencyKeys = new Map();
    for (const agency of this.agencies) this.agencyKeys.set(agency.id, await key('agency', agency.id));
  }

  /** `workers` loops until stop(); each picks its next action by weight and pauses a little in between. */
  run(workers) {
    return Promise.all(Array.from({ length: workers }, (_, i) => this.#worker(this.options.random.fork(), i)));
  }

  stop() {
    this.#stop = true;
  }

  async #worker(random) {
    while (!this.#stop) {
      const action = random.weighted(WEIGHTS);
      try {
        await this[action](random);
      } catch (error) {
        this.client.serverErrors.push({ at: Date.now(), action, status: -1, detail: `soak bug: ${error.stack}` });
      }
      await sleep(random.int(100, 400));
    }
  }

  #pickConference(random, statuses = ['CALLED', 'RESCHEDULED']) {
    const open = this.conferences.filter((c) => statuses.includes(c.status));
    return open.length ? random.pick(open) : null;
  }

  async read(random) {
    const conference = this.#pickConference(random, ['CALLED', 'RESCHEDULED', 'CANCELLED']);
    const key = random.pick([this.keys.reader, this.keys.coordinator, this.keys.host]);
    const paths = ['/conferences?pageSize=20', '/agencies?pageSize=20'];
    if (conference) {
      paths.push(`/conferences/${conference.id}`, `/conferences/${conference.id}/brief-requests`);
      if (key !== this.keys.reader) paths.push(`/conferences/${conference.id}/invitations?pageSize=50`);
    }
    await this.client.call('read', 'GET', random.pick(paths), { key });
  }

  /** One call at a time, and none while the mail of the previous ones is still far behind. */
  async call(random) {
    if (this.calling || Date.now() - this.lastCallAt < this.options.callIntervalS * 1000) return;
    this.calling = true;
    if (!(await this.#mailKeepsUp())) {
      this.calling = false;
      return;
    }
    this.lastCallAt = Date.now();
    try {
      const [min, max] = this.options.invitees;
      // Log-uniform: mostly small calls, now and then a large one.
      const n = Math.round(Math.exp(random.between(Math.log(min), Math.log(max))));
      const base = this.agencies.length; // one contact each
      const press = await this.client.call('register agency', 'POST', '/agencies', {
        key: this.options.adminKey,
        body: pressAgency(this.options.tag, `S${Date.now().toString(36).toUpperCase()}`, Math.max(0, n - base - 1)),
      });
      if (!press.ok) return;
      const draft = await this.client.call('draft conference', 'POST', '/conferences', {
        key: this.keys.coordinator,
        body: conferenceDraft(`Hội nghị cung cấp thông tin (soak, ${n} khách mời)`),
      });
      if (draft.ok) {
        const called = await this.client.call('call conference', 'POST', `/conferences/${draft.body.id}/call`, {
          key: this.keys.coordinator,
          timeoutMs: 60_000,
        });
        if (called.ok) this.conferences.push({ id: called.body.id, status: 'CALLED', startsAt: called.body.startsAt });
      }
      // Closed once called, so that the next call invites only its own press agency.
      await this.client.call('close agency', 'PATCH', `/agencies/${press.body.id}`, {
        key: this.options.adminKey,
        body: { validTo: new Date(Date.now() + 1).toISOString() },
      });
    } finally {
      this.calling = false;
    }
  }

  /**
   * Whether the mail still to send is within `maxBacklog` (checked at most every 2 s). Calls, reschedules and packs
   * each mail every invitee of a conference: ungated, a 60-minute run queued 150,000 notices while 2 notifications
   * replicas sent about 40 a second, and the drain could not finish.
   */
  async #mailKeepsUp() {
    if (Date.now() - this.backlogCheckedAt > 2000) {
      this.backlogCheckedAt = Date.now();
      this.backlogFull = (await this.options.backlog()) > this.options.maxBacklog;
    }
    return !this.backlogFull;
  }

  async reschedule(random) {
    const conference = this.#pickConference(random);
    if (!conference || !(await this.#mailKeepsUp())) return;
    const startsAt = new Date(new Date(conference.startsAt).getTime() + 24 * 3600_000);
    const answer = await this.client.call('reschedule', 'POST', `/conferences/${conference.id}/reschedule`, {
      key: this.keys.coordinator,
      body: {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        reason: 'Trùng lịch họp của Ủy ban nhân dân tỉnh',
      },
    });
    if (answer.ok) Object.assign(conference, { status: 'RESCHEDULED', startsAt: startsAt.toISOString() });
  }

  async cancel(random) {
    // Some conferences stay open for the briefs and RSVPs.
    if (this.conferences.filter((c) => c.status !== 'CANCELLED').length < 3) return;
    const conference = this.#pickConference(random);
    if (!conference) return;
    const answer = await this.client.call('cancel', 'POST', `/conferences/${conference.id}/cancel`, {
      key: this.keys.coordinator,
      body: { reason: 'Hoãn theo chỉ đạo của lãnh đạo tỉnh' },
    });
    if (answer.ok) conference.status = 'CANCELLED';
  }

  /** An agency writes its brief, attaches a picture and submits it. */
  async brief(random) {
    const request = await this.#openRequest(random, ['OPEN', 'RETURNED', 'OVERDUE']);
    const key = request && this.agencyKeys.get(request.agencyId);
    if (!key) return;
    const saved = await this.client.call('save brief', 'POST', `/brief-requests/${request.id}/briefs`, {
      key,
      body: { title: 'Báo cáo cung cấp thông tin', summary: 'Tóm tắt tình hình', body: 'Nội dung chi tiết.' },
    });
    if (!saved.ok) return;
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'hinh-anh.png');
    await this.client.call('attach file', 'POST', `/briefs/${saved.body.id}/attachments`, { key, form });
    await this.client.call('submit brief', 'POST', `/brief-requests/${request.id}/submit`, { key, body: {} });
  }

  async review(random) {
    const request = await this.#openRequest(random, ['SUBMITTED']);
    if (!request) return;
    await this.client.call('review brief', 'POST', `/brief-requests/${request.id}/review`, {
      key: this.keys.coordinator,
      body: random.chance(0.7) ? { decision: 'ACCEPT' } : { decision: 'RETURN', comment: 'Bổ sung số liệu' },
    });
  }

  async #openRequest(random, statuses) {
    const conference = this.#pickConference(random);
    if (!conference) return null;
    const list = await this.client.call('read', 'GET', `/conferences/${conference.id}/brief-requests`, {
      key: this.keys.coordinator,
    });
    const requests = (list.body?.items ?? []).filter((r) => statuses.includes(r.status));
    return requests.length ? random.pick(requests) : null;
  }

  async rsvp(random) {
    const tokens = this.options.sink.received.filter((m) => m.token);
    if (!tokens.length) return;
    const { token } = random.pick(tokens);
    const response = random.pick(['ACCEPT', 'ACCEPT', 'DECLINE', 'DELEGATE']);
    await this.client.call('rsvp', 'POST', `/invitations/${token}/rsvp`, {
      body: {
        response,
        ...(response === 'DELEGATE' ? { delegateName: 'Trần Văn Bình', delegateTitle: 'Phó phòng' } : {}),
      },
    });
  }

  async pack(random) {
    const conference = this.#pickConference(random);
    if (!conference || !(await this.#mailKeepsUp())) return;
    await this.client.call('compile pack', 'POST', `/conferences/${conference.id}/briefing-pack`, {
      key: this.keys.coordinator,
    });
  }

  async incident(random) {
    const agency = random.pick(this.agencies.filter((a) => a.roles.includes('INFORMATION_PROVIDER')));
    await this.client.call('report incident', 'POST', '/incidents', {
      key: this.keys.coordinator,
      body: {
        title: 'Tụ tập đông người tại xã Ea Súp',
        description: 'Khoảng 50 người tụ tập trước trụ sở UBND xã để khiếu nại về đất đai.',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        topics: ['đất đai'],
        agencyIds: [agency.id],
      },
    });
  }
}
