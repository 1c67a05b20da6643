import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '@pressconf/contracts';
import { eventually, ROOT, Stack } from '../support/stack';

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows. The RSVP flow needs no account: whoever holds
 * an invitation link may read and answer it, on the invitee's page (/moi/{token}) and on the RSVP routes
 * (/api/v1/invitations/{token}/…). Behind the ingress (one trusted proxy hop) each client is limited per address,
 * and each token across all those routes whichever address it comes from, so that neither one link nor one
 * address can hammer the flow; the tokens, being credentials, never reach the logs.
 */
const TOKEN_LIMIT = 4;
const ADDRESS_LIMIT = 10;

describe('API6 sensitive business flows: the RSVP links', () => {
  let stack: Stack;
  const used: string[] = [];
  /** A well-formed token that no invitation has: the limits apply before any lookup. */
  const newToken = () => {
    const token = randomBytes(24).toString('base64url');
    used.push(token);
    return token;
  };
  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const origin = () => `http://127.0.0.1:${stack.ports.gateway}`;

  /** One of the routes that take the token, as a browser or the page's script would call it. */
  const visit = async (token: string, address: string, step: number) => {
    const headers = from(address);
    switch (step % 4) {
      case 0:
        return (await fetch(`${origin()}/moi/${token}`, { headers })).status;
      case 1:
        return (await stack.api('GET', `/invitations/${token}`, { key: null, headers })).status;
      case 2:
        return (
          await stack.api('POST', `/invitations/${token}/rsvp`, { key: null, headers, body: { response: 'ACCEPT' } })
        ).status;
      default:
        return (await stack.api('GET', `/invitations/${token}/calendar.ics`, { key: null, headers })).status;
    }
  };

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        GATEWAY_TRUST_PROXY: '1',
        GATEWAY_RSVP_TOKEN_RATE_LIMIT: String(TOKEN_LIMIT),
        GATEWAY_RSVP_ADDRESS_RATE_LIMIT: String(ADDRESS_LIMIT),
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('limits one token across the page and the RSVP routes, whichever address it comes from', async () => {
    const token = newToken();
    const statuses: number[] = [];
    for (let step = 0; step < TOKEN_LIMIT; step += 1) statuses.push(await visit(token, `198.51.100.${step + 1}`, step));
    expect(statuses).toEqual(Array(TOKEN_LIMIT).fill(404));

    const limited = await stack.api<Problem>('GET', `/invitations/${token}`, {
      key: null,
      headers: from('198.51.100.99'),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${origin()}/moi/${token}`, { headers: from('198.51.100.98') })).status).toBe(429);
    // Another link is not held back by that one.
    expect(await visit(newToken(), '198.51.100.97', 1)).toBe(404);
  });

  it('limits one client address across tokens, and tells clients behind the proxy apart', async () => {
    const address = '203.0.113.10';
    const statuses: number[] = [];
    for (let step = 0; step < ADDRESS_LIMIT; step += 1) statuses.push(await visit(newToken(), address, step));
    expect(statuses).toEqual(Array(ADDRESS_LIMIT).fill(404));

    expect(await visit(newToken(), address, 0)).toBe(429);
    // What the client writes in front of the address the proxy saw changes nothing.
    expect(await visit(newToken(), `192.0.2.1, ${address}`, 1)).toBe(429);
    // Another invitee behind the same ingress has a bucket of their own.
    expect(await visit(newToken(), '203.0.113.11', 1)).toBe(404);
  });

  it('keeps the tokens out of the gateway log', async () => {
    const log = join(ROOT, 'test-artifacts/logs', `${stack.database}-gateway.log`);
    const text = await eventually(() => {
      const content = readFileSync(log, 'utf8');
      return content.includes('/moi/***') && content.includes('/invitations/***/calendar.ics') ? content : undefined;
    }, 10_000);
    expect(used.length).toBeGreaterThan(ADDRESS_LIMIT);
    expect(used.filter((token) => text.includes(token))).toEqual([]);
  });
});
