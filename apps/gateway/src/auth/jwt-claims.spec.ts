import { createHmac } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';
import { actorOf, MAX_SUBJECT_LENGTH } from './jwt-claims';
import { JwtRules, verifiedActor } from './jwt-verifier';

const AGENCY = '6f1d4c2e-0000-4000-8000-000000000001';

describe('actorOf', () => {
  it('takes the role from the one configured claim, and the agency', () => {
    expect(actorOf({ sub: 'u1', role: 'agency', agencyId: AGENCY })).toEqual({
      role: 'agency',
      subject: 'jwt:u1',
      agencyId: AGENCY,
    });
    expect(actorOf({ sub: 'u1', roles: ['reader', 'coordinator'] }, 'roles')).toEqual({
      role: 'coordinator',
      subject: 'jwt:u1',
    });
    expect(actorOf({ sub: 'u1', realm_access: { roles: ['press'] }, agency_id: AGENCY }, 'realm_access.roles')).toEqual(
      { role: 'press', subject: 'jwt:u1', agencyId: AGENCY },
    );
  });

  it('ignores roles in any other claim', () => {
    // `roles` says admin, but the configured claim is `role`: the token is a reader's.
    expect(actorOf({ sub: 'u1', role: 'reader', roles: ['admin'] })?.role).toBe('reader');
    expect(actorOf({ sub: 'u1', roles: ['admin'] })).toBeNull();
    expect(actorOf({ sub: 'u1', role: 'admin' }, 'realm_access.roles')).toBeNull();
  });

  it('grants nothing without a known role, a subject, or an agency for agency roles', () => {
    expect(actorOf({ sub: 'u1', role: 'superuser' })).toBeNull();
    expect(actorOf({ role: 'admin' })).toBeNull();
    expect(actorOf({ sub: '', role: 'admin' })).toBeNull();
    expect(actorOf({ sub: 'u1', role: 'agency' })).toBeNull();
    // A host reads what its agency hosts: without the agency it is no host at all.
    expect(actorOf({ sub: 'u1', role: 'host' })).toBeNull();
    expect(actorOf({ sub: 'u1', role: 'host', agency_id: AGENCY })).toEqual({
      role: 'host',
      subject: 'jwt:u1',
      agencyId: AGENCY,
    });
  });

  it.each<[string, JWTPayload]>([
    ['a non-UUID agencyId', { agencyId: 'so-y-te' }],
    ['SQL in agency_id', { agency_id: "' OR 1=1 --" }],
    ['a number', { agencyId: 42 }],
    ['two different agencies', { agencyId: AGENCY, agency_id: '6f1d4c2e-0000-4000-8000-000000000002' }],
  ])('refuses %s, whatever the role', (_, claims) => {
    expect(actorOf({ sub: 'u1', role: 'agency', ...claims })).toBeNull();
    expect(actorOf({ sub: 'u1', role: 'coordinator', ...claims })).toBeNull();
  });

  it('refuses a subject too long to be recorded', () => {
    expect(actorOf({ sub: 'x'.repeat(MAX_SUBJECT_LENGTH), role: 'reader' })).not.toBeNull();
    expect(actorOf({ sub: 'x'.repeat(MAX_SUBJECT_LENGTH + 1), role: 'reader' })).toBeNull();
  });
});

describe('verifiedActor', () => {
  const ISSUER = 'https://sso.example/realms/pressconf';
  const rules: JwtRules = {
    issuer: ISSUER,
    audience: 'pressconf-api',
    algorithms: ['ES256'],
    roleClaim: 'role',
  };
  let keys: ReturnType<typeof createLocalJWKSet>;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let publicJwk: Record<string, unknown>;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    keys = createLocalJWKSet({ keys: [publicJwk] });
  });

  const signed = (claims: JWTPayload, header: Record<string, unknown> = {}) => {
    const jwt = new SignJWT({ role: 'coordinator', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT', ...header })
      .setIssuer(ISSUER)
      .setIssuedAt();
    if (!('aud' in claims)) jwt.setAudience('pressconf-api');
    if (!('exp' in claims)) jwt.setExpirationTime('5m');
    if (!('sub' in claims)) jwt.setSubject('user-1');
    return jwt.sign(privateKey);
  };
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = () => ({
    iss: ISSUER,
    aud: 'pressconf-api',
    sub: 'user-1',
    role: 'admin',
    exp: Math.floor(Date.now() / 1000) + 300,
  });
  // jose's own errors cannot be built under jest's transform of it (a TypeError is thrown instead), so refusals are
  // asserted as a throw, each beside a token that passes the same checks but the one under test.
  const verify = (token: string, extra: Partial<JwtRules> = {}) => verifiedActor(token, keys, { ...rules, ...extra });

  it('accepts a token of the issuer for this audience', async () => {
    await expect(verify(await signed({}))).resolves.toEqual({ role: 'coordinator', subject: 'jwt:user-1' });
  });

  it.each<[string, JWTPayload]>([
    ['another audience', { aud: 'another-app' }],
    ['no audience', { aud: undefined }],
    ['no expiry', { exp: undefined }],
    ['no subject', { sub: undefined }],
  ])('refuses a token with %s', async (_, claims) => {
    await expect(verify(await signed(claims))).rejects.toThrow();
  });

  it('checks the type: the configured one, else JWT or at+jwt where the issuer names one', async () => {
    await expect(verify(await signed({}, { typ: 'at+jwt' }), { typ: 'at+jwt' })).resolves.not.toBeNull();
    await expect(verify(await signed({}, { typ: 'JWT' }), { typ: 'at+jwt' })).rejects.toThrow();
    await expect(verify(await signed({}, { typ: 'at+jwt' }))).resolves.not.toBeNull();
    await expect(verify(await signed({}, { typ: undefined }))).resolves.not.toBeNull();
    await expect(verify(await signed({}, { typ: 'logout+jwt' }))).resolves.toBeNull();
  });

  it('refuses alg none and an HMAC signed with the public key (algorithm confusion)', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    await expect(verify(unsigned)).rejects.toThrow();
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'k1' })}.${b64(claims())}`;
    const hmac = createHmac('sha256', JSON.stringify(publicJwk)).update(input).digest('base64url');
    await expect(verify(`${input}.${hmac}`)).rejects.toThrow();
    await expect(verify(`${input}.${hmac}`, { algorithms: ['ES256', 'HS256'] })).rejects.toThrow();
  });

  it('turns a malformed agency claim into no actor, not an error', async () => {
    await expect(verify(await signed({ role: 'agency', agencyId: 'not-a-uuid' }))).resolves.toBeNull();
  });
});
