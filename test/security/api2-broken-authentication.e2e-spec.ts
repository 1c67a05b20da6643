import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';
import type { AgencyView, CreatedApiKeyView, Problem } from '@pressconf/contracts';
import { smallDirectory } from '../fixtures/directory';
import { JwksServer, serveJwks } from '../support/jwks';
import { eventually, ROOT, Stack } from '../support/stack';

/**
 * OWASP API2:2023 Broken Authentication. API keys and bearer tokens are checked strictly (unknown, revoked,
 * expired, wrong audience, type or algorithm, malformed claims: 401, never a 500); failed attempts are limited per
 * client address before any lookup; secrets are not kept where they are not needed; a production gateway will not
 * start with a weak bootstrap key. The gateway sits behind a trusted proxy here, so each check calls from its own
 * address (X-Forwarded-For) and the failure limit of one does not touch another.
 */
const ISSUER = 'https://sso.daklak.example/realms/pressconf';
const AUDIENCE = 'pressconf-api';
const FAILURE_LIMIT = 5;
const DIST = process.env.DIST_DIR ? join(process.env.DIST_DIR) : join(ROOT, 'dist');

describe('API2 broken authentication', () => {
  let stack: Stack;
  let jwks: JwksServer;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let stranger: Awaited<ReturnType<typeof generateKeyPair>>;
  let publicJwk: Record<string, unknown>;

  /** Calls as a client at `address`, as the ingress would pass it on. */
  const from = (address: string, headers: Record<string, string> = {}) => ({
    'X-Forwarded-For': address,
    ...headers,
  });

  /** An access token as the identity provider issues it: ES256, `at+jwt`, roles in `realm_access.roles`. */
  const token = async (claims: JWTPayload = {}, options: { typ?: string; key?: typeof keys } = {}) => {
    const jwt = new SignJWT({ realm_access: { roles: ['coordinator'] }, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'main', typ: options.typ ?? 'at+jwt' })
      .setIssuer(ISSUER)
      .setIssuedAt();
    if (!('aud' in claims)) jwt.setAudience(AUDIENCE);
    if (!('exp' in claims)) jwt.setExpirationTime('5m');
    if (!('sub' in claims)) jwt.setSubject('user-42');
    return jwt.sign((options.key ?? keys).privateKey);
  };
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  beforeAll(async () => {
    keys = await generateKeyPair('ES256', { extractable: true });
    stranger = await generateKeyPair('ES256', { extractable: true });
    publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'main', alg: 'ES256', use: 'sig' };
    jwks = await serveJwks([publicJwk]);
    stack = await Stack.start({
      env: {
        GATEWAY_JWT_ISSUER: ISSUER,
        GATEWAY_JWT_JWKS_URL: jwks.url,
        GATEWAY_JWT_AUDIENCE: AUDIENCE,
        GATEWAY_JWT_TYP: 'at+jwt',
        GATEWAY_JWT_ROLE_CLAIM: 'realm_access.roles',
        GATEWAY_TRUST_PROXY: '1',
        GATEWAY_AUTH_FAILURE_LIMIT: String(FAILURE_LIMIT),
        IDEMPOTENCY_SWEEP_INTERVAL_MS: '500',
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    jwks?.close();
  });

  it('refuses an unknown and a revoked key with a 401 problem, and accepts a fresh one', async () => {
    const headers = from('198.51.100.1');
    const unknown = await stack.api<Problem>('GET', '/agencies', { key: 'pk_admin_not-a-real-key', headers });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const issued = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: 'Hệ thống báo cáo', role: 'reader' },
    });
    expect((await stack.api('GET', '/agencies', { key: issued.body.key, headers })).status).toBe(200);
    expect((await stack.api('DELETE', `/api-keys/${issued.body.id}`)).status).toBe(204);
    expect((await stack.api('GET', '/agencies', { key: issued.body.key, headers })).status).toBe(401);
  });

  it('binds a host key to the agency it acts for: without one it is not issued', async () => {
    const agency = await stack.api<AgencyView>('POST', '/agencies', { body: smallDirectory()[0] });
    expect(agency.status).toBe(201);
    const unbound = await stack.api<Problem>('POST', '/api-keys', { body: { name: 'Ban Tuyên giáo', role: 'host' } });
    expect(unbound.status).toBe(400);
    expect(unbound.body.errors?.map((e) => e.field)).toEqual(['agencyId']);
    const bound = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: 'Ban Tuyên giáo', role: 'host', agencyId: agency.body.id },
    });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ role: 'host', agencyId: agency.body.id });
    const headers = from('198.51.100.3');
    expect((await stack.api('GET', '/conferences', { key: bound.body.key, headers })).status).toBe(200);
  });

  it('accepts an access token of the issuer for this API, with the role of the configured claim', async () => {
    const call = async (bearer: string, method = 'GET', path = '/conferences') =>
      (
        await stack.api(method, path, {
          key: null,
          headers: from('198.51.100.2', { Authorization: `Bearer ${bearer}` }),
        })
      ).status;
    expect(await call(await token())).toBe(200);
    // `role: admin` outside the configured claim grants nothing more than the claim's reader.
    expect(await call(await token({ role: 'admin', realm_access: { roles: ['reader'] } }), 'GET', '/api-keys')).toBe(
      403,
    );
  });

  it('refuses every token that is not a valid access token for this API with 401, never a 500', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'user-42', exp: now + 300, realm_access: { roles: ['admin'] } };
    const hmacInput = `${b64({ alg: 'HS256', typ: 'at+jwt', kid: 'main' })}.${b64(claims)}`;
    const refused: Record<string, string> = {
      expired: await token({ exp: now - 120 }),
      'another audience': await token({ aud: 'another-app' }),
      'no audience': await token({ aud: undefined }),
      'no expiry': await token({ exp: undefined }),
      'no subject': await token({ sub: undefined }),
      'an ID token (typ JWT)': await token({}, { typ: 'JWT' }),
      'a foreign signature': await token({}, { key: stranger }),
      'alg none': `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claims)}.`,
      'HS256 keyed with the public key': `${hmacInput}.${createHmac('sha256', JSON.stringify(publicJwk)).update(hmacInput).digest('base64url')}`,
      'a role outside the configured claim': await token({ role: 'admin', realm_access: undefined }),
      'an agency that is no UUID': await token({ realm_access: { roles: ['agency'] }, agencyId: "x' OR '1'='1" }),
      'a host without its agency': await token({ realm_access: { roles: ['host'] } }),
      'a subject of 10 000 characters': await token({ sub: 's'.repeat(10_000) }),
    };
    const answers = await Promise.all(
      Object.entries(refused).map(async ([what, bearer], i) => {
        const response = await stack.api<Problem>('GET', '/conferences', {
          key: null,
          headers: from(`198.51.101.${i + 1}`, { Authorization: `Bearer ${bearer}` }),
        });
        const problem = response.headers.get('content-type')?.includes('application/problem+json') ?? false;
        return { what, status: response.status, problem };
      }),
    );
    expect(answers).toEqual(Object.keys(refused).map((what) => ({ what, status: 401, problem: true })));
  });

  it('limits failed authentication per client address, apart from successful calls, before any lookup', async () => {
    const attacker = '203.0.113.66';
    const guess = () =>
      stack.api<Problem>('GET', '/agencies', { key: `pk_admin_${randomUUID()}`, headers: from(attacker) });
    for (let i = 0; i < FAILURE_LIMIT - 1; i += 1) expect((await guess()).status).toBe(401);
    // Successful calls from the same address neither count as failures nor clear them.
    for (let i = 0; i < FAILURE_LIMIT * 2; i += 1) {
      expect((await stack.api('GET', '/agencies?pageSize=1', { headers: from(attacker) })).status).toBe(200);
    }
    expect((await guess()).status).toBe(401);

    const blocked = await guess();
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Blocked before the lookup: a valid key from there waits too, whatever the client writes in front of the
    // address the proxy saw.
    expect((await stack.api('GET', '/agencies', { headers: from(attacker) })).status).toBe(429);
    const spoofed = await stack.api('GET', '/agencies', {
      key: `pk_admin_${randomUUID()}`,
      headers: from(`10.9.8.7, ${attacker}`),
    });
    expect(spoofed.status).toBe(429);
    // Everyone else is served.
    expect((await stack.api('GET', '/agencies', { headers: from('203.0.113.67') })).status).toBe(200);
  });

  it('keeps no issued key in the idempotency records: a replay names the key without its secret', async () => {
    const request = {
      body: { name: 'Cổng dữ liệu tỉnh', role: 'reader' },
      headers: { 'Idempotency-Key': randomUUID() },
    };
    const first = await stack.api<CreatedApiKeyView>('POST', '/api-keys', request);
    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(/^pk_reader_/);
    const stored = await stack.query<{ row: string }>('SELECT r::text AS row FROM gateway.idempotency_record r');
    expect(stored.length).toBeGreaterThan(0);
    for (const { row } of stored) expect(row).not.toContain(first.body.key.slice('pk_reader_'.length));

    const replay = await stack.api<CreatedApiKeyView>('POST', '/api-keys', request);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('idempotent-withheld')).toBe('key');
    expect(replay.body).toEqual({ ...first.body, key: undefined });
    expect((await stack.api('GET', '/agencies', { key: first.body.key })).status).toBe(200);
  });

  it('deletes expired idempotency records', async () => {
    await stack.query(
      `INSERT INTO gateway.idempotency_record (scope, fingerprint, status_code, response_body, expires_at)
       VALUES ('api-key:x POST /api/v1/agencies old', 'f', 201, '{"id":"x"}', now() - interval '1 hour'),
              ('api-key:x POST /api/v1/agencies new', 'f', 201, '{"id":"y"}', now() + interval '1 hour')`,
    );
    await eventually(
      async () =>
        (await stack.query(`SELECT 1 FROM gateway.idempotency_record WHERE scope LIKE 'api-key:x % old'`)).length === 0,
      10_000,
    );
    expect(
      await stack.query(`SELECT 1 FROM gateway.idempotency_record WHERE scope LIKE 'api-key:x % new'`),
    ).toHaveLength(1);
  });

  it('will not start in production with a missing, a short or a published admin key', async () => {
    const refusals = await Promise.all([
      productionStart(undefined),
      productionStart('pk_admin_short'),
      productionStart('pk_admin_compose_local_development_only'),
    ]);
    // What the gateway says, one line: "Invalid configuration: GATEWAY_ADMIN_API_KEY: …".
    const said = refusals.map(({ code, output }) => ({
      code,
      said: /GATEWAY_ADMIN_API_KEY: [^;\n]*/.exec(output)?.[0],
    }));
    expect(said.map(({ code }) => code)).toEqual([1, 1, 1]);
    expect(said[0].said).toMatch(/required with NODE_ENV=production/);
    expect(said[1].said).toMatch(/too short/);
    expect(said[2].said).toMatch(/this key is published/);
  });
});

/** Starts the built gateway alone with NODE_ENV=production and `key`; its exit code and output. */
async function productionStart(key: string | undefined): Promise<{ code: number | null; output: string }> {
  // A database nobody listens on: a gateway that did start would fail there, with another message.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:9/none',
  };
  delete env.GATEWAY_ADMIN_API_KEY;
  if (key) env.GATEWAY_ADMIN_API_KEY = key;
  const gateway = spawn(process.execPath, [join(DIST, 'apps/gateway/main.js')], { cwd: ROOT, env });
  let output = '';
  gateway.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  gateway.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => gateway.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => gateway.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}
