import { Client } from 'pg';
import type { CreatedApiKeyView, Problem } from '@pressconf/contracts';
import { Stack, eventually } from './support/stack';
import { callPeriodicConference, countBy, invitationMails, waitForInvitations } from './support/conference';

const OUTAGE_MS = 8000;

/**
 * PostgreSQL unreachable for a few seconds right after a call, as an operator saw it: readiness says so, every API
 * request meanwhile is a 503 problem with Retry-After (never a 500), and afterwards every invitation still goes
 * exactly once and no event was parked on a dead-letter topic. The shared cluster is not stopped (other tests use
 * it): the stack's database is closed to connections and its sessions are terminated, then reopened.
 */
describe('a database outage', () => {
  let stack: Stack;
  let admin: Client;

  beforeAll(async () => {
    stack = await Stack.start();
    const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    server.pathname = '/postgres';
    admin = new Client({ connectionString: server.toString() });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.query(`ALTER DATABASE "${stack.database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await stack?.stop();
  });

  const ready = async (service: keyof Stack['ports']) =>
    (await fetch(`http://127.0.0.1:${stack.ports[service]}/health/ready`)).status;

  it('is a 503 with Retry-After on every route while it lasts, and costs no invitation and no event', async () => {
    const reader = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: 'Đọc khi mất cơ sở dữ liệu', role: 'reader' },
    });
    expect(reader.status).toBe(201);
    const { conference } = await callPeriodicConference(stack, { reporters: 20 });

    await admin.query(`ALTER DATABASE "${stack.database}" ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [stack.database]);
    const closedAt = Date.now();
    try {
      for (const service of ['gateway', 'scheduling', 'submissions', 'notifications'] as const) {
        await eventually(async () => (await ready(service)) === 503, 5000, 100);
      }
      const answers = [
        await stack.api<Problem>('GET', '/conferences'),
        await stack.api<Problem>('GET', `/conferences/${conference.id}`),
        await stack.api<Problem>('GET', `/conferences/${conference.id}/invitations`),
        await stack.api<Problem>('GET', `/conferences/${conference.id}/brief-requests`),
        await stack.api<Problem>('GET', '/agencies'),
        // A key the gateway has not seen yet: its own database answers who is asking.
        await stack.api<Problem>('GET', '/agencies', { key: reader.body.key }),
        await stack.api<Problem>('POST', `/conferences/${conference.id}/cancel`, {
          body: { reason: 'Thử khi mất cơ sở dữ liệu' },
        }),
      ];
      for (const answer of answers) {
        expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 503, body: { status: 503 } });
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      expect(Date.now() - closedAt).toBeLessThan(OUTAGE_MS);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - closedAt)));
    } finally {
      await admin.query(`ALTER DATABASE "${stack.database}" ALLOW_CONNECTIONS true`);
    }

    for (const service of ['gateway', 'scheduling', 'submissions', 'notifications'] as const) {
      await eventually(async () => (await ready(service)) === 200, 30_000, 200);
    }
    expect((await stack.api<{ status: string }>('GET', `/conferences/${conference.id}`)).body.status).toBe('CALLED');
    await waitForInvitations(stack, conference.id, conference.participants.length);
    const perRecipient = countBy(invitationMails(stack, conference.id), (m) => m.envelopeTo.join(','));
    expect(perRecipient.size).toBe(conference.participants.length);
    expect([...perRecipient.values()].filter((n) => n !== 1)).toEqual([]);
    const requests = await stack.api<{ items: unknown[] }>('GET', `/conferences/${conference.id}/brief-requests`);
    expect(requests.body.items.length).toBeGreaterThan(0);
    // Nothing was given up for the outage: each service's dead-letter count stays at zero.
    for (const service of ['scheduling', 'submissions', 'notifications'] as const) {
      const metrics = await (await fetch(`http://127.0.0.1:${stack.ports[service]}/metrics`)).text();
      expect(metrics).not.toMatch(/events_consumed_total\{[^}]*outcome="dead_lettered"[^}]*\} [1-9]/);
    }
  });
});
