import type {
  AgencyView,
  ConferenceInviteesChangedData,
  ConferenceView,
  CreateAgencyDto,
  Page,
  ParticipantsPreview,
  ParticipantView,
  Problem,
} from '@pressconf/contracts';
import { Topics } from '@pressconf/contracts';
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
        added: [expect.objectContaining({ inviteeId: snn[0].inviteeId, agencyId: agencies.SNN.id, mustBrief: true })],
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
});
