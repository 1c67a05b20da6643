import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { Actor, INTERNAL_ISSUER, internalAudience } from '@pressconf/contracts';
import { ActorTokenRejected, signActorToken, verifyActorToken } from './actor-token';

const gateway = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const agency: Actor = { role: 'agency', subject: 'key-1', agencyId: '7b0c2a4e-3f51-4d6a-9a2e-52f0f7c1b9aa' };

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: object = {}) => ({
  iss: INTERNAL_ISSUER,
  aud: internalAudience('scheduling'),
  sub: 'key-1',
  role: 'admin',
  iat: now(),
  exp: now() + 30,
  ...extra,
});

/** A token with the gateway's key but claims of the test's choosing. */
const signed = (payload: object, header: object = { alg: 'EdDSA', typ: 'actor+jwt' }) =>
  new SignJWT(payload as Record<string, unknown>)
    .setProtectedHeader(header as { alg: string })
    .sign(gateway.privateKey);

const refused = (token: string | Promise<string>) =>
  expect(
    Promise.resolve(token).then((t) => verifyActorToken(t, 'scheduling', gateway.publicKey)),
  ).rejects.toBeInstanceOf(ActorTokenRejected);

describe('actor tokens between the gateway and the services', () => {
  it('carry the actor to the service they were signed for', async () => {
    const token = await signActorToken(agency, 'scheduling', gateway.privateKey);
    const verified = await verifyActorToken(token, 'scheduling', gateway.publicKey);
    expect(verified.actor).toEqual(agency);
    expect(verified.expiresAt).toBeGreaterThan(Date.now());
    expect(verified.expiresAt).toBeLessThanOrEqual(Date.now() + 61_000);
  });

  it('are refused by another service (audience)', async () => {
    const token = await signActorToken(agency, 'submissions', gateway.privateKey);
    await refused(token);
  });

  it('are refused when signed by any other key (forged)', async () => {
    await refused(signActorToken(agency, 'scheduling', stranger.privateKey));
  });

  it('are refused once expired, and when they claim to live longer than a minute', async () => {
    await refused(signed(claims({ iat: now() - 120, exp: now() - 60 })));
    await refused(signed(claims({ exp: now() + 3600 })));
  });

  it('are refused unsigned (alg none) and with HMAC keyed by the public key (algorithm confusion)', async () => {
    await refused(`${part({ alg: 'none', typ: 'actor+jwt' })}.${part(claims())}.`);
    const header = part({ alg: 'HS256', typ: 'actor+jwt' });
    const body = part(claims());
    const secret = gateway.publicKey.export({ type: 'spki', format: 'pem' });
    const mac = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
    await refused(`${header}.${body}.${mac}`);
  });

  it('are refused without the claims a service relies on', async () => {
    await refused(signed(claims({ role: 'superuser' })));
    await refused(signed(claims({ agencyId: 'not-a-uuid' })));
    await refused(signed(claims({ iss: 'someone-else' })));
    await refused(signed({ ...claims(), sub: undefined }));
    // Stored beside what the actor did (varchar(200)): a longer subject would be a 500 there, so it is a 401 here.
    await refused(signed(claims({ sub: 'x'.repeat(201) })));
    await expect(
      verifyActorToken(await signed(claims({ sub: 'x'.repeat(200) })), 'scheduling', gateway.publicKey),
    ).resolves.toBeDefined();
    await refused(signed(claims(), { alg: 'EdDSA', typ: 'JWT' }));
  });

  it('are refused when malformed', async () => {
    await refused('not.a.token');
    await refused('');
  });
});
