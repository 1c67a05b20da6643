import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { AGENCY_BOUND_ROLES, Roles } from '@pressconf/contracts';
import type { AgencyView, ApiKeyView, CreatedApiKeyView, Page, Problem } from '@pressconf/contracts';
import { JwksServer, serveJwks } from '@pressconf/testing/support/jwks';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';

const ISSUER = 'https://sso.daklak.example/realms/pressconf';

describe('gateway: authentication, authorization and limits', () => {
  let stack: Stack;
  let jwks: JwksServer;
  const main = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  /** An ES256 JWT signed with node:crypto, as an identity provider would issue it. */
  const token = (
    claims: Record<string, unknown>,
    options: { key?: KeyObject; issuer?: string; expiresInSeconds?: number } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const header = part({ alg: 'ES256', typ: 'JWT', kid: options.key ? 'stranger' : 'main' });
    const payload = part({
      ...claims,
      iss: options.issuer ?? ISSUER,
      aud: 'pressconf-api',
      sub: 'user-42',
      iat: now - 120,
      exp: now + (options.expiresInSeconds ?? 300),
    });
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
      key: options.key ?? main.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${header}.${payload}.${signature.toString('base64url')}`;
  };

  const count = async (table: string) =>
    (await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    const publicJwk = { ...main.publicKey.export({ format: 'jwk' }), kid: 'main', alg: 'ES256', use: 'sig' };
    jwks = await serveJwks([publicJwk]);
    stack = await Stack.start({
      env: {
        GATEWAY_JWT_ISSUER: ISSUER,
        GATEWAY_JWT_JWKS_URL: jwks.url,
        GATEWAY_JWT_AUDIENCE: 'pressconf-api',
        GATEWAY_RATE_LIMIT: '40',
        GATEWAY_RATE_WINDOW_MS: '60000',
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    jwks?.close();
  });

  it('refuses a missing, a wrong and a revoked key with 401, and accepts a fresh one', async () => {
    expect((await stack.api('GET', '/agencies', { key: null })).status).toBe(401);
    const wrong = await stack.api('GET', '/agencies', { key: 'pk_admin_not-a-real-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');

    const issued = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: 'Hệ thống đọc dữ liệu', role: 'reader' },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(/^pk_reader_/);
    expect((await stack.api('GET', '/agencies', { key: issued.body.key })).status).toBe(200);

    // The list never shows the secret; `key` is in the type only to look for it.
    const listed = await stack.api<Page<ApiKeyView & { key?: string }>>('GET', '/api-keys');
    const shown = listed.body.items.find((k) => k.id === issued.body.id);
    expect(shown).toBeDefined();
    expect(shown?.key).toBeUndefined();
    const stored = await stack.query<{ hash: string }>('SELECT hash FROM gateway.api_key WHERE id = $1', [
      issued.body.id,
    ]);
    expect(stored[0].hash).not.toContain(issued.body.key);

    expect((await stack.api('DELETE', `/api-keys/${issued.body.id}`)).status).toBe(204);
    expect((await stack.api('GET', '/agencies', { key: issued.body.key })).status).toBe(401);
  });

  it('issues, accepts and revokes a key of every role', async () => {
    const agency = await stack.api<AgencyView>('POST', '/agencies', { body: smallDirectory()[0] });
    expect(agency.status).toBe(201);
    for (const role of Roles) {
      const agencyId = AGENCY_BOUND_ROLES.includes(role) ? { agencyId: agency.body.id } : {};
      const issued = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
        body: { name: `Khóa ${role}`, role, ...agencyId },
      });
      expect({ role, status: issued.status }).toEqual({ role, status: 201 });
      expect(issued.body.key.startsWith(`pk_${role}_`)).toBe(true);
      expect({ role, status: (await stack.api('GET', '/agencies', { key: issued.body.key })).status }).toEqual({
        role,
        status: 200,
      });
      expect((await stack.api('DELETE', `/api-keys/${issued.body.id}`)).status).toBe(204);
      expect((await stack.api('GET', '/agencies', { key: issued.body.key })).status).toBe(401);
    }
  });

  it('requires an agency for agency keys, and a registered one', async () => {
    const missing = await stack.api<Problem>('POST', '/api-keys', { body: { name: 'Sở Y tế', role: 'agency' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].field).toBe('agencyId');
    const unknown = await stack.api<Problem>('POST', '/api-keys', {
      body: { name: 'Sở Y tế', role: 'agency', agencyId: '6f1d4c2e-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0].field).toBe('agencyId');
  });

  it('accepts a valid bearer token and refuses expired, forged and foreign ones', async () => {
    const valid = await stack.api('GET', '/conferences', {
      key: null,
      headers: { Authorization: `Bearer ${token({ role: 'coordinator' })}` },
    });
    expect(valid.status).toBe(200);
    for (const bad of [
      token({ role: 'coordinator' }, { expiresInSeconds: -60 }),
      token({ role: 'coordinator' }, { key: stranger.privateKey }),
      token({ role: 'coordinator' }, { issuer: 'https://evil.example' }),
      token({ role: 'agency' }), // an agency token without its agency
      'not.a.jwt',
    ]) {
      const response = await stack.api('GET', '/conferences', {
        key: null,
        headers: { Authorization: `Bearer ${bad}` },
      });
      expect(response.status).toBe(401);
    }
    const press = await stack.api('POST', '/conferences', {
      key: null,
      headers: {
        Authorization: `Bearer ${token({ role: 'press', agencyId: '6f1d4c2e-0000-4000-8000-000000000000' })}`,
      },
      body: {},
    });
    expect(press.status).toBe(403);
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await count('scheduling.agency');
    const huge = { ...smallDirectory()[0], name: 'x'.repeat(2 * 1024 * 1024) };
    const response = await stack.api('POST', '/agencies', { body: huge });
    expect(response.status).toBe(413);
    expect(await count('scheduling.agency')).toBe(before);
  });

  it('rate-limits a burst per key with 429 and Retry-After', async () => {
    const burst = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: 'Tải thử', role: 'reader' },
    });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const response = await stack.api('GET', '/conferences?pageSize=1', { key: burst.body.key });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another key is not held back by the first one's burst.
    expect((await stack.api('GET', '/conferences?pageSize=1')).status).toBe(200);
  });
});
