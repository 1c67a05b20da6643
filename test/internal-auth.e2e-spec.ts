import { createHmac, generateKeyPairSync, KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { Actor, INTERNAL_ISSUER, internalAudience, ServiceName } from '@pressconf/contracts';
import { signActorToken } from '@pressconf/messaging';
import { Stack } from './support/stack';

const ZERO_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Each service checks who calls its internal API on its own: reaching its port is not enough. Per service, one
 * route any allowed role may read and one that the given role may not call.
 */
const PROBES: Record<ServiceName, { read: string; forbidden: { method: string; path: string; actor: Actor } }> = {
  scheduling: {
    read: '/internal/conferences',
    forbidden: { method: 'POST', path: '/internal/conferences', actor: { role: 'press', subject: 'press-key' } },
  },
  submissions: {
    read: `/internal/conferences/${ZERO_ID}/brief-requests`,
    forbidden: {
      method: 'POST',
      path: `/internal/brief-requests/${ZERO_ID}/review`,
      actor: { role: 'reader', subject: 'r' },
    },
  },
  notifications: {
    read: `/internal/conferences/${ZERO_ID}/invitations`,
    forbidden: {
      method: 'GET',
      path: `/internal/conferences/${ZERO_ID}/invitations`,
      actor: { role: 'press', subject: 'p' },
    },
  },
};

const ADMIN: Actor = { role: 'admin', subject: 'admin-key' };
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('internal APIs: every service verifies the actor token itself', () => {
  let stack: Stack;
  let gatewayKey: KeyObject;
  const stranger = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    stack = await Stack.start();
    gatewayKey = stack.actorTokenKeys.privateKey;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const call = async (service: ServiceName, path: string, token?: string, method = 'GET') => {
    const response = await fetch(`http://127.0.0.1:${stack.ports[service]}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      body: method === 'GET' ? undefined : '{}',
    });
    const body: unknown = await response.json();
    return { status: response.status, type: response.headers.get('content-type'), body };
  };

  describe.each(Object.keys(PROBES) as ServiceName[])('%s', (service) => {
    const probe = PROBES[service];

    it('answers a call the gateway signed for it', async () => {
      const answer = await call(service, probe.read, await signActorToken(ADMIN, service, gatewayKey));
      expect(answer.status).toBe(200);
    });

    it('refuses an unsigned, forged, expired or wrong-audience call with 401 problem+json', async () => {
      const other: ServiceName = service === 'scheduling' ? 'submissions' : 'scheduling';
      const claims = { iss: INTERNAL_ISSUER, aud: internalAudience(service), sub: 'x', role: 'admin' };
      const attempts = {
        missing: undefined,
        unsigned: `${part({ alg: 'none', typ: 'actor+jwt' })}.${part({ ...claims, iat: now(), exp: now() + 30 })}.`,
        forged: await signActorToken(ADMIN, service, stranger.privateKey),
        expired: await new SignJWT({ role: 'admin' })
          .setProtectedHeader({ alg: 'EdDSA', typ: 'actor+jwt' })
          .setIssuer(INTERNAL_ISSUER)
          .setAudience(internalAudience(service))
          .setSubject('admin-key')
          .setIssuedAt(now() - 90)
          .setExpirationTime(now() - 30)
          .sign(gatewayKey),
        wrongAudience: await signActorToken(ADMIN, other, gatewayKey),
        hmacWithPublicKey: (() => {
          const head = `${part({ alg: 'HS256', typ: 'actor+jwt' })}.${part({ ...claims, iat: now(), exp: now() + 30 })}`;
          const secret = stack.actorTokenKeys.publicKey.export({ type: 'spki', format: 'pem' });
          return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
        })(),
      };
      const problemJson: unknown = expect.stringContaining('application/problem+json'); // a matcher, typed any by Jest
      for (const [attack, token] of Object.entries(attempts)) {
        const answer = await call(service, probe.read, token);
        expect({ attack, status: answer.status, type: answer.type }).toEqual({
          attack,
          status: 401,
          type: problemJson,
        });
      }
    });

    it('refuses with 403 a role the route does not allow, before touching anything', async () => {
      const { method, path, actor } = probe.forbidden;
      const answer = await call(service, path, await signActorToken(actor, service, gatewayKey), method);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403 });
    });

    it('keeps health and metrics open for probes', async () => {
      const response = await fetch(`http://127.0.0.1:${stack.ports[service]}/health/live`);
      expect(response.status).toBe(200);
    });
  });
});
