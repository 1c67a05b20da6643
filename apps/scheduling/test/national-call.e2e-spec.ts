import type { AgencyView, ConferenceView, CreateAgencyDto } from '@pressconf/contracts';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import { HOUR, hoursAhead, iso, registerAgencies } from './support/scheduling';

const PRESS_AGENCIES = 5;
const CONTACTS_EACH = 1_000;

/** Press agencies of a thousand contacts each (one request each, under the API's body limit). */
function pressAgencies(tag: string): CreateAgencyDto[] {
  return Array.from({ length: PRESS_AGENCIES }, (_, a): CreateAgencyDto => ({
    code: `PRESS${a}-${tag}`,
    name: `Cơ quan báo chí ${a + 1}`,
    kind: 'PRESS',
    roles: ['PRESS'],
    contacts: Array.from({ length: CONTACTS_EACH }, (_, c) => ({
      name: `Phóng viên ${a + 1}.${c + 1}`,
      title: 'Phóng viên',
      email: `pv${a + 1}.${c + 1}.${tag.toLowerCase()}@press.example.vn`,
      spokesperson: c === 0,
    })),
  }));
}

/**
 * A call of thousands of invitees, as a national one would be: its participants go into the database in several
 * statements, since one statement of more than 65,535 parameters is refused by PostgreSQL's protocol (this call
 * answered 503 before, as if the database were down).
 */
describe('a conference called with thousands of invitees', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('invites every one of them', async () => {
    const tag = Date.now().toString(36).toUpperCase();
    await registerAgencies(stack, smallDirectory(1));
    const press: AgencyView[] = Object.values(await registerAgencies(stack, pressAgencies(tag)));
    expect(press).toHaveLength(PRESS_AGENCIES);
    const startsAt = hoursAhead(10 * 24);
    const draft = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin với các cơ quan báo chí toàn quốc',
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + 2 * HOUR),
        venue: 'Hội trường UBND tỉnh, 09 Lê Duẩn, Buôn Ma Thuột',
        topics: ['Đất đai'],
      },
    });
    expect(draft.status).toBe(201);

    const called = await stack.api<ConferenceView>('POST', `/conferences/${draft.body.id}/call`);
    expect(called.status).toBe(200);
    const invited = called.body.participants;
    const ofPress = (agency: AgencyView) => invited.filter((p) => p.agencyId === agency.id).length;
    expect(press.map(ofPress)).toEqual(Array(PRESS_AGENCIES).fill(CONTACTS_EACH));
    // The base directory's hosts, coordinator, providers and portal come on top of the press.
    expect(invited.length).toBeGreaterThan(PRESS_AGENCIES * CONTACTS_EACH);
    expect(new Set(invited.map((p) => p.email)).size).toBe(invited.length);

    const read = await stack.api<ConferenceView>('GET', `/conferences/${draft.body.id}`);
    expect(read.body.participants).toHaveLength(invited.length);
  });
});
