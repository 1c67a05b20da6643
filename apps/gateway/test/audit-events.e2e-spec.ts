import { randomBytes } from 'node:crypto';
import type {
  AgencyView,
  AuditEventView,
  ConferenceView,
  CreatedApiKeyView,
  Page,
  Problem,
} from '@pressconf/contracts';
import { Stack } from '@pressconf/testing/support/stack';
import { issueKey } from '@pressconf/testing/support/role-keys';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';

/** The cells of one CSV line (RFC 4180: a quoted cell may hold commas and doubled quotes). */
function cells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map(([, quoted, plain]) =>
    quoted !== undefined ? quoted.replace(/""/g, '"') : plain,
  );
}

const COLUMNS =
  'occurredAt,service,action,entityType,entityId,actorRole,actorSubject,actorAgencyId,correlationId,changes';

describe('gateway: the audit trail (GET /audit-events)', () => {
  let stack: Stack;
  let admin: CreatedApiKeyView;
  let reader: CreatedApiKeyView;
  let agency: AgencyView;
  let conference: ConferenceView;
  const run = randomBytes(4).toString('hex');
  const correlation = (step: string) => `audit-e2e-${step}-${run}`;
  const subject = () => `api-key:${admin.id}`;

  const trail = (query: string, key = admin.key) =>
    stack.api<Page<AuditEventView>>('GET', `/audit-events?${query}`, { key });
  const csv = async (query: string) => {
    const response = await fetch(`${stack.baseUrl}/audit-events?${query}`, {
      headers: { 'X-API-Key': admin.key, Accept: 'text/csv' },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    stack = await Stack.start();
    // The changes below are made with an admin key of their own, so that its id names them in the trail.
    admin = (await stack.api<CreatedApiKeyView>('POST', '/api-keys', { body: { name: 'Quản trị', role: 'admin' } }))
      .body;
    const as = (step: string) => ({ key: admin.key, headers: { 'X-Correlation-Id': correlation(step) } });
    reader = (
      await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
        body: { name: 'Khóa đọc', role: 'reader' },
        ...as('key'),
      })
    ).body;
    const created = await stack.api<AgencyView>('POST', '/agencies', { body: smallDirectory()[0], ...as('agency') });
    expect(created.status).toBe(201);
    agency = created.body;
    const startsAt = new Date(Date.now() + 10 * 24 * 3600_000);
    const drafted = await stack.api<ConferenceView>('POST', '/conferences', {
      body: {
        kind: 'PERIODIC',
        title: 'Hội nghị cung cấp thông tin định kỳ quý IV',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        venue: 'Hội trường Ủy ban nhân dân tỉnh',
        topics: ['Đất đai'],
      },
      ...as('conference'),
    });
    expect(drafted.status).toBe(201);
    conference = drafted.body;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("merges the gateway's and the services' rows newest first, naming the actor and the correlation id", async () => {
    const answer = await trail(`actorSubject=${subject()}&pageSize=100`);
    expect(answer.status).toBe(200);
    const { items, total } = answer.body;
    expect(total).toBe(items.length);
    const sorted = [...items].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
    expect(items.map((e) => e.occurredAt)).toEqual(sorted.map((e) => e.occurredAt));
    for (const event of items) expect(event.actor).toEqual({ role: 'admin', subject: subject() });

    const find = (action: string, entityId: string) => {
      const index = items.findIndex((e) => e.action === action && e.entityId === entityId);
      expect({ action, entityId, found: index >= 0 }).toEqual({ action, entityId, found: true });
      return { index, event: items[index] };
    };
    const key = find('api-key.created', reader.id);
    expect(key.event).toMatchObject({ service: 'gateway', entityType: 'api-key', correlationId: correlation('key') });
    expect(key.event.changes.hash.from).toBeNull();
    expect(key.event.changes.hash.to).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(key.event.changes.role).toEqual({ from: null, to: 'reader' });
    expect(JSON.stringify(answer.body)).not.toContain(reader.key);
    const registered = find('agency.created', agency.id);
    expect(registered.event).toMatchObject({ service: 'scheduling', correlationId: correlation('agency') });
    expect(registered.event.changes.code).toEqual({ from: null, to: agency.code });
    const drafted = find('conference.created', conference.id);
    expect(drafted.event).toMatchObject({ service: 'scheduling', correlationId: correlation('conference') });
    expect(drafted.index).toBeLessThan(registered.index);
    expect(registered.index).toBeLessThan(key.index);
  });

  it('narrows by entity type, entity, action, actor and period', async () => {
    const mine = `actorSubject=${subject()}&pageSize=100`;
    const all = (await trail(mine)).body.items;
    const byKind = (await trail(`${mine}&entityType=api-key`)).body;
    expect(byKind.items.map((e) => [e.action, e.entityId])).toEqual([['api-key.created', reader.id]]);
    expect(byKind.total).toBe(1);

    const byEntity = (await trail(`entityType=agency&entityId=${agency.id}`)).body.items;
    expect(byEntity.length).toBeGreaterThan(0);
    expect(byEntity.every((e) => e.entityId === agency.id && e.entityType === 'agency')).toBe(true);

    const byAction = (await trail(`${mine}&action=agency.created`)).body.items;
    expect(byAction.map((e) => e.entityId)).toEqual([agency.id]);

    const byBootstrap = (await trail('actorSubject=bootstrap-admin&action=api-key.created&pageSize=100')).body.items;
    expect(byBootstrap.map((e) => e.entityId)).toContain(admin.id);
    expect(byBootstrap.map((e) => e.entityId)).not.toContain(reader.id);

    const registered = all.find((e) => e.action === 'agency.created')!;
    const since = (await trail(`${mine}&from=${encodeURIComponent(registered.occurredAt)}`)).body.items;
    expect(since.every((e) => e.occurredAt >= registered.occurredAt)).toBe(true);
    expect(since.map((e) => e.entityId)).toEqual(expect.arrayContaining([agency.id, conference.id]));
    expect(since.map((e) => e.entityId)).not.toContain(reader.id);
    const until = (await trail(`${mine}&to=${encodeURIComponent(registered.occurredAt)}`)).body.items;
    expect(until.every((e) => e.occurredAt <= registered.occurredAt)).toBe(true);
    expect(until.map((e) => e.entityId)).toEqual(expect.arrayContaining([agency.id, reader.id]));
    expect(until.map((e) => e.entityId)).not.toContain(conference.id);
    expect(since.length + until.length).toBe(
      all.length + all.filter((e) => e.occurredAt === registered.occurredAt).length,
    );
  });

  it('pages the merged trail, and refuses a page beyond the window', async () => {
    const mine = `actorSubject=${subject()}`;
    const all = (await trail(`${mine}&pageSize=100`)).body;
    expect(all.total).toBeGreaterThanOrEqual(3);
    for (const page of [1, 2, 3]) {
      const one = (await trail(`${mine}&pageSize=1&page=${page}`)).body;
      expect(one).toEqual({ items: [all.items[page - 1]], page, pageSize: 1, total: all.total });
    }
    const past = (await trail(`${mine}&pageSize=1&page=${all.total + 1}`)).body;
    expect(past).toEqual({ items: [], page: all.total + 1, pageSize: 1, total: all.total });

    const deep = await stack.api<Problem>('GET', '/audit-events?page=101&pageSize=100', { key: admin.key });
    expect(deep.status).toBe(400);
    expect(deep.headers.get('content-type')).toContain('application/problem+json');
    expect(deep.body.errors?.map((e) => e.field)).toEqual(['page']);
    expect(deep.body.errors?.[0].message).toMatch(/from\/to.*CSV/);
    expect((await trail('page=100&pageSize=100')).status).toBe(200);

    const bad = await stack.api<Problem>('GET', '/audit-events?action=Conference%20called', { key: admin.key });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['action']);
  });

  it('is open to the coordinator and admins only', async () => {
    expect((await trail('pageSize=1', await issueKey(stack, 'coordinator'))).status).toBe(200);
    const refused = await trail('pageSize=1', await issueKey(stack, 'agency', agency.id));
    expect(refused.status).toBe(403);
    expect((await stack.api('GET', '/audit-events', { key: null })).status).toBe(401);
  });

  it('exports the filtered rows as CSV: a BOM, the header, one line per row', async () => {
    const mine = `actorSubject=${subject()}`;
    const { total, items } = (await trail(`${mine}&pageSize=100`)).body;
    const { response, bytes } = await csv(`${mine}&page=5&pageSize=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="audit-events.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(COLUMNS);
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map(cells);
    // page and pageSize are ignored: every row.
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[8]])).toEqual(
      items.map((e) => [e.occurredAt, e.service, e.action, e.entityId, e.correlationId ?? '']),
    );
    expect(rows.map((r) => JSON.parse(r[9]) as unknown)).toEqual(items.map((e) => e.changes));
    expect(rows.every((r) => r[5] === 'admin' && r[6] === subject() && r[7] === '')).toBe(true);
  });

  it('streams thousands of rows slice by slice, in the same order as the pages', async () => {
    // Rows beyond a few slices of each store, three to an instant so that slices end inside a tie.
    const bulk = `audit-e2e-bulk-${run}`;
    const seed = (schema: string, count: number, spacing: string) =>
      stack.query(
        `INSERT INTO ${schema}.audit_event (occurred_at, actor_role, actor_subject, action, entity_type, entity_id, changes)
         SELECT now() - (i / 3) * interval '${spacing}', 'system', $1, 'api-key.updated', 'api-key',
                '${schema}-' || i, '{"name": {"from": "a, \\"b\\"", "to": "c"}}'::jsonb
           FROM generate_series(1, ${count}) AS i`,
        [bulk],
      );
    await seed('gateway', 1200, '1 millisecond');
    await seed('scheduling', 700, '1.5 milliseconds');
    const { total } = (await trail(`actorSubject=${bulk}&pageSize=1`)).body;
    expect(total).toBe(1900);

    const { response, bytes } = await csv(`actorSubject=${bulk}`);
    expect(response.status).toBe(200);
    const rows = bytes.subarray(3).toString('utf8').split('\r\n').slice(1, -1).map(cells);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r[4])).size).toBe(total);
    expect(rows.every((r, i) => i === 0 || rows[i - 1][0] >= r[0])).toBe(true);
    expect(JSON.parse(rows[0][9])).toEqual({ name: { from: 'a, "b"', to: 'c' } });
    const page = (await trail(`actorSubject=${bulk}&pageSize=100&page=7`)).body.items;
    expect(page.map((e) => e.entityId)).toEqual(rows.slice(600, 700).map((r) => r[4]));
  });
});
