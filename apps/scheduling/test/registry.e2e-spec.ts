import type {
  AgencyEventData,
  AgencyView,
  ConferenceCalledData,
  ConferenceInviteesChangedData,
  ConferenceView,
  CreateAgencyDto,
  Page,
  ParticipantsPreview,
  ParticipantView,
  Problem,
} from '@pressconf/contracts';
import { Topics } from '@pressconf/contracts';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import { EventTap, fieldsOf, HOUR, hoursAhead, iso, registerAgencies } from './support/scheduling';

/** The registry as data: mergers between calls, the admin's changes to the invitation list, and bad input. */
describe('the agency registry and participant resolution', () => {
  let stack: Stack;
  let agencies: Record<string, AgencyView>;
  let successorDto: CreateAgencyDto;

  const draft = async (topics: string[]) => {
    const startsAt = hoursAhead(10 * 24);
    const created = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin định kỳ',
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + 2 * HOUR),
        venue: 'Hội trường UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột',
        topics,
      },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const agencyIdsOf = (participants: Array<{ agencyId: string }>) => new Set(participants.map((p) => p.agencyId));

  beforeAll(async () => {
    stack = await Stack.start();
    const directory = smallDirectory();
    successorDto = directory.find((a) => a.code.startsWith('SVH-'))!;
    // The 2024 plan's coordinator, before the 2025 merger folded it into its successor.
    const oldCoordinator: CreateAgencyDto = {
      ...successorDto,
      code: successorDto.code.replace('SVH', 'STTTT'),
      name: 'Sở Thông tin và Truyền thông',
      contacts: [
        { name: 'Phan Văn Tín', title: 'Giám đốc', email: `sttt.${Date.now()}@daklak.example.vn`, spokesperson: true },
      ],
      validFrom: '2024-07-01T00:00:00+07:00',
    };
    agencies = await registerAgencies(stack, [...directory.filter((a) => a !== successorDto), oldCoordinator]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('treats a merger as data: a conference invites the registry as it stood when it was called', async () => {
    const before = await draft(['Đất đai']);
    const calledBefore = await stack.api<ConferenceView>('POST', `/conferences/${before.id}/call`);
    expect(calledBefore.status).toBe(200);
    expect(agencyIdsOf(calledBefore.body.participants)).toContain(agencies.STTTT.id);

    // The department is folded into another: close it, open its successor from the same instant.
    const mergedAt = iso(Date.now());
    const closed = await stack.api<AgencyView>('PATCH', `/agencies/${agencies.STTTT.id}`, {
      body: { validTo: mergedAt },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.validTo).toBe(mergedAt);
    const successor = await stack.api<AgencyView>('POST', '/agencies', {
      body: { ...successorDto, validFrom: mergedAt },
    });
    expect(successor.status).toBe(201);

    const coordinatorsAt = async (at: string) => {
      const page = await stack.api<Page<AgencyView>>(
        'GET',
        `/agencies?role=COORDINATOR&validAt=${encodeURIComponent(at)}`,
      );
      expect(page.status).toBe(200);
      return page.body.items.map((a) => a.name);
    };
    expect(await coordinatorsAt('2025-01-01T00:00:00+07:00')).toEqual(['Sở Thông tin và Truyền thông']);
    expect(await coordinatorsAt(mergedAt)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    const history = await stack.api<Page<AgencyView>>('GET', '/agencies?role=COORDINATOR');
    expect(history.body.total).toBe(2);

    const after = await draft(['Đất đai']);
    const calledAfter = await stack.api<ConferenceView>('POST', `/conferences/${after.id}/call`);
    expect(calledAfter.status).toBe(200);
    const invited = agencyIdsOf(calledAfter.body.participants);
    expect(invited).toContain(successor.body.id);
    expect(invited).not.toContain(agencies.STTTT.id);
    expect(calledAfter.body.participants.find((p) => p.agencyId === successor.body.id)?.reason).toBe(
      'always invited as COORDINATOR',
    );

    // The earlier conference keeps the invitees it had.
    const earlier = await stack.api<ConferenceView>('GET', `/conferences/${before.id}`);
    expect(agencyIdsOf(earlier.body.participants)).toContain(agencies.STTTT.id);

    // Reopening is a data change too.
    const reopened = await stack.api<AgencyView>('PATCH', `/agencies/${agencies.STTTT.id}`, {
      body: { validTo: null },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.validTo).toBeNull();
    await stack.api('PATCH', `/agencies/${agencies.STTTT.id}`, { body: { validTo: mergedAt } });
  });

  it('lets an admin add and remove invitees before the call, previews and applies it, and after the call announces each change', async () => {
    // A provider of the topic that cannot be reached: no contact with an e-mail address.
    const mute = await stack.api<AgencyView>('POST', '/agencies', {
      body: {
        code: `KP-${Date.now()}`,
        name: 'UBND huyện Krông Pắc',
        kind: 'LOCAL_COMMITTEE',
        roles: ['INFORMATION_PROVIDER'],
        fields: ['đất đai'],
        territory: 'Huyện Krông Pắc',
        contacts: [],
      },
    });
    expect(mute.status).toBe(201);
    const conference = await draft(['Đất đai']);
    expect(conference.inviteeChanges).toEqual({ added: [], removed: [] });

    const plan = await stack.api<ParticipantsPreview>('GET', `/conferences/${conference.id}/participants/preview`);
    expect(plan.status).toBe(200);
    expect(agencyIdsOf(plan.body.participants)).toContain(agencies.SNN.id);
    expect(agencyIdsOf(plan.body.participants)).not.toContain(agencies.SYT.id);
    expect(plan.body.participants.find((p) => p.agencyId === agencies.SNN.id)).toMatchObject({
      role: 'INFORMATION_PROVIDER',
      mustBrief: true,
      reason: 'field "đất đai" matches topic "Đất đai"',
    });
    expect(plan.body.unreachable).toEqual([
      {
        agencyId: mute.body.id,
        agencyName: 'UBND huyện Krông Pắc',
        role: 'INFORMATION_PROVIDER',
        reason: 'no contact with an e-mail address (invited because: field "đất đai" matches topic "Đất đai")',
      },
    ]);

    const added = await stack.api('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: agencies.SYT.id },
    });
    expect(added.status).toBe(200);
    const again = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: agencies.SYT.id },
    });
    expect(again.body.inviteeChanges).toEqual({ added: [agencies.SYT.id], removed: [] });
    const removed = await stack.api<ConferenceView>(
      'DELETE',
      `/conferences/${conference.id}/invitees/${agencies.SNN.id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.inviteeChanges).toEqual({ added: [agencies.SYT.id], removed: [agencies.SNN.id] });
    expect(removed.body.status).toBe('DRAFT');

    const preview = await stack.api<ParticipantsPreview>('GET', `/conferences/${conference.id}/participants/preview`);
    expect(preview.body.inviteeChanges).toEqual(removed.body.inviteeChanges);
    const invited = agencyIdsOf(preview.body.participants);
    expect(invited).not.toContain(agencies.SNN.id);
    expect(preview.body.participants.find((p) => p.agencyId === agencies.SYT.id)).toMatchObject({
      role: 'INFORMATION_PROVIDER',
      mustBrief: true,
      reason: 'added by an administrator',
    });

    const called = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/call`);
    expect(called.status).toBe(200);
    const shape = (p: Pick<ParticipantView, 'agencyId' | 'email' | 'role' | 'mustBrief' | 'reason'>) => [
      p.agencyId,
      p.email,
      p.role,
      p.mustBrief,
      p.reason,
    ];
    expect(called.body.participants.map(shape)).toEqual(preview.body.participants.map(shape));

    // After the call a change applies at once to the agency concerned, and is announced.
    const tap = new EventTap<ConferenceInviteesChangedData>(Topics.conference);
    await tap.start();
    const late = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: agencies.SNN.id },
    });
    expect(late.status).toBe(200);
    expect(late.body.sequence).toBe(called.body.sequence + 1);
    const snn = late.body.participants.filter((p) => p.agencyId === agencies.SNN.id);
    expect(snn).toEqual([expect.objectContaining({ contactName: 'Đỗ Thị Lan', rsvp: 'PENDING', mustBrief: true })]);
    expect(late.body.participants).toHaveLength(called.body.participants.length + 1);
    const syt = called.body.participants.find((p) => p.agencyId === agencies.SYT.id)!;
    const lateRemoval = await stack.api<ConferenceView>(
      'DELETE',
      `/conferences/${conference.id}/invitees/${agencies.SYT.id}`,
    );
    expect(lateRemoval.status).toBe(200);
    expect(agencyIdsOf(lateRemoval.body.participants)).not.toContain(agencies.SYT.id);
    expect(lateRemoval.body.sequence).toBe(late.body.sequence + 1);
    // Adding an agency already invited, or removing one that is not, changes and announces nothing.
    const twice = await stack.api<ConferenceView>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: agencies.SNN.id },
    });
    expect(twice.body.sequence).toBe(lateRemoval.body.sequence);
    // An agency none of whose contacts can be reached would tell nobody.
    const unreachable = await stack.api<Problem>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: mute.body.id },
    });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.detail).toMatch(/^The agency cannot be invited: no contact with an e-mail address/);

    const changes = (await tap.waitFor(conference.id, 3)).filter(
      (e) => e.type === 'scheduling.conference.invitees-changed.v1',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(tap.of(conference.id).map((e) => e.type)).toEqual([
      'scheduling.conference.called.v1',
      'scheduling.conference.invitees-changed.v1',
      'scheduling.conference.invitees-changed.v1',
    ]);
    expect(changes.map((e) => e.envelope.data)).toEqual([
      {
        conferenceId: conference.id,
        sequence: late.body.sequence,
        added: [
          expect.objectContaining({
            inviteeId: snn[0].inviteeId,
            agencyId: agencies.SNN.id,
            mustBrief: true,
            locale: 'vi',
          }),
        ],
        removed: [],
      },
      {
        conferenceId: conference.id,
        sequence: lateRemoval.body.sequence,
        added: [],
        removed: [expect.objectContaining({ inviteeId: syt.inviteeId, agencyId: agencies.SYT.id, email: syt.email })],
      },
    ]);
    await tap.stop();

    // Once the conference is cancelled, the list is settled.
    await stack.api('POST', `/conferences/${conference.id}/cancel`, { body: { reason: 'Hoãn' } });
    const settled = await stack.api<Problem>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: agencies.SYT.id },
    });
    expect(settled.status).toBe(409);
    expect(settled.body.detail).toBe('Cannot change the invitees of a conference that is CANCELLED');
  });

  it('refuses invitee changes that name no agency', async () => {
    const conference = await draft(['Y tế']);
    const unknown = '6f1d4c2e-0000-4000-8000-000000000000';
    const add = await stack.api<Problem>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: unknown },
    });
    expect(add.status).toBe(400);
    expect(fieldsOf(add)).toEqual(['agencyId']);
    const malformed = await stack.api<Problem>('POST', `/conferences/${conference.id}/invitees`, {
      body: { agencyId: 'SYT' },
    });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed)).toEqual(['agencyId']);
    expect((await stack.api('DELETE', `/conferences/${conference.id}/invitees/${unknown}`)).status).toBe(404);
    expect((await stack.api('GET', `/conferences/${unknown}/participants/preview`)).status).toBe(404);
  });

  it('answers bad registry input with a 400 naming the field', async () => {
    const base = { code: `X-${Date.now()}`, name: 'Cơ quan thử', kind: 'DEPARTMENT', roles: ['INFORMATION_PROVIDER'] };
    const unknownRole = await stack.api<Problem>('POST', '/agencies', { body: { ...base, roles: ['SPOKESPERSON'] } });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(unknownRole)).toEqual(['roles']);

    const unknownRoleFilter = await stack.api<Problem>('GET', '/agencies?role=SPOKESPERSON');
    expect(unknownRoleFilter.status).toBe(400);
    expect(fieldsOf(unknownRoleFilter)).toEqual(['role']);

    const noOffset = await stack.api<Problem>('GET', '/agencies?validAt=2025-07-01T00:00:00');
    expect(noOffset.status).toBe(400);
    expect(fieldsOf(noOffset)).toEqual(['validAt']);

    const closedBeforeOpened = await stack.api<Problem>('POST', '/agencies', {
      body: { ...base, validFrom: '2025-07-01T00:00:00+07:00', validTo: '2025-06-30T00:00:00+07:00' },
    });
    expect(closedBeforeOpened.status).toBe(400);
    expect(fieldsOf(closedBeforeOpened)).toEqual(['validTo']);
  });

  it('keeps every version of an agency: validAt answers with what was true then, and each change is an event', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    const agencyTap = new EventTap<AgencyEventData>(Topics.agency);
    await agencyTap.start();
    const code = `TTXVN-${Date.now()}`;
    const email = (who: string) => `${who}.${code.toLowerCase()}@vnanet.example.vn`;
    const created = await stack.api<AgencyView>('POST', '/agencies', {
      body: {
        code,
        name: 'Phân xã Thông tấn xã Việt Nam tại Đắk Lắk',
        kind: 'PRESS',
        roles: ['PRESS'],
        contacts: [{ name: 'Trần Văn Khánh', title: 'Trưởng phân xã', email: email('khanh'), spokesperson: true }],
        validFrom: '2025-03-01T00:00:00+07:00',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.contacts).toEqual([expect.objectContaining({ locale: 'vi', fields: [] })]);
    const id = created.body.id;
    await pause();
    const before = iso(Date.now());
    await pause();

    // Its roles and contacts change: a leader who reads English, reporters marked with the fields they cover.
    const changed = await stack.api<AgencyView>('PATCH', `/agencies/${id}`, {
      body: {
        roles: ['PRESS', 'INFORMATION_PROVIDER'],
        fields: ['thông tin đối ngoại'],
        contacts: [
          { name: 'Trần Văn Khánh', title: 'Trưởng phân xã', email: email('khanh'), spokesperson: true, locale: 'en' },
          { name: 'Lê Thị Mai', title: 'Phóng viên', email: email('mai'), fields: ['Đất đai'] },
          { name: 'Đỗ Văn Hùng', title: 'Phóng viên', email: email('hung'), fields: ['y tế'] },
        ],
      },
    });
    expect(changed.status).toBe(200);
    await pause();
    const after = iso(Date.now());

    const listedAt = async (at: string, role = '') => {
      const page = await stack.api<Page<AgencyView>>(
        'GET',
        `/agencies?q=${code}&validAt=${encodeURIComponent(at)}${role ? `&role=${role}` : ''}`,
      );
      expect(page.status).toBe(200);
      return page.body.items.map((a) => [a.id, a.roles, a.contacts.map((c) => [c.name, c.locale, c.fields])]);
    };
    const asRegistered = [id, ['PRESS'], [['Trần Văn Khánh', 'vi', []]]];
    const asChanged = [
      id,
      ['PRESS', 'INFORMATION_PROVIDER'],
      [
        ['Trần Văn Khánh', 'en', []],
        ['Lê Thị Mai', 'vi', ['Đất đai']],
        ['Đỗ Văn Hùng', 'vi', ['y tế']],
      ],
    ];
    expect(await listedAt(before)).toEqual([asRegistered]);
    expect(await listedAt(after)).toEqual([asChanged]);
    // Before the registry recorded anything, but within its validity: the agency as first registered.
    expect(await listedAt('2025-06-01T00:00:00+07:00')).toEqual([asRegistered]);
    // The filters apply to what was true then.
    expect(await listedAt(before, 'INFORMATION_PROVIDER')).toEqual([]);
    expect(await listedAt(after, 'INFORMATION_PROVIDER')).toEqual([asChanged]);

    const gotAt = (at: string) => stack.api<AgencyView>('GET', `/agencies/${id}?validAt=${encodeURIComponent(at)}`);
    expect((await gotAt(before)).body).toMatchObject({ id, roles: ['PRESS'], fields: [] });
    expect((await gotAt(after)).body).toMatchObject({ id, roles: ['PRESS', 'INFORMATION_PROVIDER'] });
    expect((await gotAt('2025-01-01T00:00:00+07:00')).status).toBe(404);
    expect((await stack.api<AgencyView>('GET', `/agencies/${id}`)).body.contacts).toHaveLength(3);
    const badInstant = await stack.api<Problem>('GET', `/agencies/${id}?validAt=yesterday`);
    expect(badInstant.status).toBe(400);
    expect(fieldsOf(badInstant)).toEqual(['validAt']);

    // Registered, then changed: both on the agency topic, in order, keyed by the agency, each the agency whole.
    const events = await agencyTap.waitFor(id, 2);
    await agencyTap.stop();
    expect(events.map((e) => e.type)).toEqual(['scheduling.agency.registered.v1', 'scheduling.agency.changed.v1']);
    expect(events[0].envelope.data).toEqual({
      agencyId: id,
      code,
      name: 'Phân xã Thông tấn xã Việt Nam tại Đắk Lắk',
      kind: 'PRESS',
      roles: ['PRESS'],
      fields: [],
      contacts: [
        {
          name: 'Trần Văn Khánh',
          title: 'Trưởng phân xã',
          email: email('khanh'),
          spokesperson: true,
          locale: 'vi',
          fields: [],
        },
      ],
      validFrom: '2025-02-28T17:00:00.000Z',
      validTo: null,
    });
    expect(events[1].envelope.data).toMatchObject({ agencyId: id, roles: ['PRESS', 'INFORMATION_PROVIDER'] });
    // Compacted, so that a consumer can rebuild the registry from the topic alone.
    const admin = new Kafka({
      clientId: 'scheduling-e2e-admin',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: Topics.agency, configNames: ['cleanup.policy'] }],
    });
    await admin.disconnect();
    expect(resources[0].configEntries.map((e) => [e.configName, e.configValue])).toEqual([
      ['cleanup.policy', 'compact'],
    ]);
    expect(events[1].envelope.data.contacts.map((c) => [c.email, c.locale, c.fields])).toEqual([
      [email('khanh'), 'en', []],
      [email('mai'), 'vi', ['Đất đai']],
      [email('hung'), 'vi', ['y tế']],
    ]);

    // A call invites the leader and the reporter of the conference's topic, each with their language.
    const conference = await draft(['Tranh chấp đất đai']);
    const preview = await stack.api<ParticipantsPreview>('GET', `/conferences/${conference.id}/participants/preview`);
    const invited = (participants: ParticipantsPreview['participants']) =>
      participants.filter((p) => p.agencyId === id).map((p) => [p.email, p.locale, p.reason]);
    expect(invited(preview.body.participants)).toEqual([
      [email('mai'), 'vi', 'press agency (reporter: field "Đất đai" matches topic "Tranh chấp đất đai")'],
      [email('khanh'), 'en', 'press agency (leader)'],
    ]);
    const conferenceTap = new EventTap<ConferenceCalledData>(Topics.conference);
    await conferenceTap.start();
    expect((await stack.api('POST', `/conferences/${conference.id}/call`)).status).toBe(200);
    const [called] = await conferenceTap.waitFor(conference.id, 1);
    await conferenceTap.stop();
    expect(called.envelope.data.invitees.filter((i) => i.agencyId === id).map((i) => [i.email, i.locale])).toEqual([
      [email('mai'), 'vi'],
      [email('khanh'), 'en'],
    ]);
  });
});
