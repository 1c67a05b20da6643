import { randomBytes, randomUUID } from 'node:crypto';
import { AGENCY_BOUND_ROLES, INTERNAL_ROUTES, Role, Roles } from '@pressconf/contracts';
import type { AgencyView, InternalRoute } from '@pressconf/contracts';
import { signActorToken } from '@pressconf/messaging';
import { Stack } from '../support/stack';
import { smallDirectory } from '../fixtures/directory';
import { inBatches, issueRoleKeys } from '../support/role-keys';

/**
 * OWASP API5:2023 Broken Function Level Authorization. Every operation of the OpenAPI document is called with a
 * key of every role and without one: a role the contract does not name is refused with 403 (401 without
 * credentials), a role it names is not. Then every route of the services' internal APIs is called with an actor
 * token of every role, straight at the service: each service refuses the same roles itself. The ids are random,
 * the bodies empty: an allowed call ends in 400 or 404 and changes nothing.
 */
const ALL = Roles;
const STAFF: readonly Role[] = ['admin', 'coordinator'];
const STAFF_AND_HOSTS: readonly Role[] = [...STAFF, 'host'];
const BRIEF_READERS: readonly Role[] = [...STAFF_AND_HOSTS, 'agency'];
const BRIEF_WRITERS: readonly Role[] = [...STAFF, 'agency'];
/** The invitation's token is the credential; no key is asked for (the gateway calls the service as a reader). */
const TOKEN = 'token';

/**
 * Who may call what: ../shared/API.md's "who" column and the README's additions, with the admin allowed whatever
 * the coordinator is. Written out here rather than read from the code, so that a role slipping into or out of a
 * route fails this test; a new route without a row fails it too.
 */
const WHO: Record<string, readonly Role[] | typeof TOKEN> = {
  'POST /agencies': ['admin'],
  'GET /agencies': ALL,
  'GET /agencies/{id}': ALL,
  'PATCH /agencies/{id}': ['admin'],
  'POST /api-keys': ['admin'],
  'GET /api-keys': ['admin'],
  'DELETE /api-keys/{id}': ['admin'],
  'POST /incidents': STAFF,
  'GET /incidents': STAFF_AND_HOSTS,
  'GET /incidents/{id}': STAFF,
  'POST /conference-series': STAFF,
  'GET /conference-series/{id}': STAFF,
  'GET /conference-series/{id}/occurrences': STAFF,
  'PATCH /conference-series/{id}': STAFF,
  'POST /conference-series/{id}/stop': STAFF,
  'POST /conferences': STAFF,
  'GET /conferences': ALL,
  'GET /conferences/{id}': ALL,
  'PATCH /conferences/{id}': STAFF,
  'POST /conferences/{id}/call': STAFF,
  'POST /conferences/{id}/reschedule': STAFF,
  'POST /conferences/{id}/cancel': STAFF,
  'POST /conferences/{id}/complete': STAFF,
  'GET /conferences/{id}/participants/preview': STAFF_AND_HOSTS,
  'POST /conferences/{id}/invitees': STAFF,
  'DELETE /conferences/{id}/invitees/{agencyId}': STAFF,
  'PUT /conferences/{id}/agenda': STAFF,
  'PUT /conferences/{id}/co-host-request': STAFF,
  'GET /conferences/{id}/invitations': STAFF_AND_HOSTS,
  'GET /conferences/{id}/brief-requests': BRIEF_READERS,
  // A host too: the service then checks that its agency co-hosts that conference, or is its standing office.
  'POST /conferences/{id}/orientation-documents': STAFF_AND_HOSTS,
  'GET /conferences/{id}/orientation-documents': STAFF_AND_HOSTS,
  'POST /conferences/{id}/briefing-pack': STAFF,
  // Everyone, under embargo until the start for all but the hosts (a 403 of its own, API3 and the submissions tests).
  'GET /conferences/{id}/briefing-pack': ALL,
  'GET /brief-requests/{id}': BRIEF_READERS,
  'POST /brief-requests/{id}/briefs': BRIEF_WRITERS,
  'POST /brief-requests/{id}/submit': BRIEF_WRITERS,
  'POST /brief-requests/{id}/review': STAFF,
  'PUT /brief-requests/{id}/representatives': BRIEF_WRITERS,
  'POST /brief-requests/{id}/nothing-to-report': BRIEF_WRITERS,
  'GET /briefs/{id}': BRIEF_READERS,
  'POST /briefs/{id}/attachments': BRIEF_WRITERS,
  'GET /briefs/{id}/attachments/{attachmentId}': BRIEF_READERS,
  'GET /deliveries': STAFF_AND_HOSTS,
  'POST /deliveries/{id}/resend': STAFF,
  // An agency reports and offers; it reads only its own (a 404 for another's), the coordinator all of them.
  'POST /obstacle-reports': ['agency'],
  'GET /obstacle-reports': BRIEF_WRITERS,
  'GET /obstacle-reports/{id}': BRIEF_WRITERS,
  'POST /obstacle-reports/{id}/forward': STAFF,
  'POST /obstacle-reports/{id}/resolve': STAFF,
  'POST /information-offers': ['agency'],
  'GET /information-offers': BRIEF_WRITERS,
  'GET /information-offers/{id}': BRIEF_WRITERS,
  'POST /information-offers/{id}/attachments': ['agency'],
  'POST /information-offers/{id}/decide': STAFF,
  'GET /reports/activity': STAFF_AND_HOSTS,
  'GET /audit-events': STAFF,
  'POST /webhook-subscriptions': ['admin'],
  'GET /webhook-subscriptions': ['admin'],
  'GET /webhook-subscriptions/{id}': ['admin'],
  'PATCH /webhook-subscriptions/{id}': ['admin'],
  'DELETE /webhook-subscriptions/{id}': ['admin'],
  'GET /webhook-subscriptions/{id}/deliveries': ['admin'],
  'POST /webhook-subscriptions/{id}/deliveries/{deliveryId}/retry': ['admin'],
  'POST /webhook-subscriptions/{id}/test': ['admin'],
  'GET /invitations/{token}': TOKEN,
  'POST /invitations/{token}/rsvp': TOKEN,
  'GET /invitations/{token}/calendar.ics': TOKEN,
  'GET /invitations/{token}/letter.pdf': TOKEN,
};

interface Operation {
  security?: unknown[];
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A path with every parameter made up: a fresh UUID, or a token of the invitations' form. */
const fill = (path: string) =>
  path.replace(/\{(\w+)\}|:(\w+)/g, (_, a?: string, b?: string) =>
    (a ?? b) === 'token' ? randomBytes(24).toString('base64url') : randomUUID(),
  );

describe('API5: function level authorization', () => {
  let stack: Stack;
  let keys: Record<Role, string>;
  let agencyId: string;
  let document: OpenApi;

  beforeAll(async () => {
    // Hundreds of calls from one address, 47 of them without credentials: above the failure limit's default.
    stack = await Stack.start({ env: { GATEWAY_AUTH_FAILURE_LIMIT: '1000', GATEWAY_RATE_LIMIT: '1000' } });
    const [agency, press] = await Promise.all(
      [smallDirectory()[0], smallDirectory().find((a) => a.kind === 'PRESS')!].map(
        async (body) => (await stack.api<AgencyView>('POST', '/agencies', { body })).body,
      ),
    );
    agencyId = agency.id;
    keys = await issueRoleKeys(stack, { agencyId: agency.id, pressAgencyId: press.id, hostAgencyId: agency.id });
    const docs = await fetch(`http://127.0.0.1:${stack.ports.gateway}/docs-json`, {
      headers: { 'X-API-Key': stack.adminKey },
    });
    expect(docs.status).toBe(200);
    document = (await docs.json()) as OpenApi;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Every operation of the document under /api/v1, as "METHOD /path", and whether it asks for credentials. */
  const operations = () =>
    Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, byMethod]) =>
        Object.entries(byMethod)
          .filter(([method]) => METHODS.includes(method))
          .map(([method, operation]) => ({
            name: `${method.toUpperCase()} ${path.slice('/api/v1'.length)}`,
            secured: !(Array.isArray(operation.security) && operation.security.length === 0),
          })),
      );

  const call = async (name: string, key?: string) => {
    const [method, path] = name.split(' ');
    const writes = method !== 'GET' && method !== 'DELETE';
    const response = await fetch(`${stack.baseUrl}${fill(path)}`, {
      method,
      headers: { ...(key ? { 'X-API-Key': key } : {}), ...(writes ? { 'Content-Type': 'application/json' } : {}) },
      body: writes ? '{}' : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('has a row of this table for every operation of the OpenAPI document, and no other', () => {
    const documented = operations();
    expect(documented.map((o) => o.name).sort()).toEqual(Object.keys(WHO).sort());
    for (const { name, secured } of documented) {
      expect({ name, secured }).toEqual({ name, secured: WHO[name] !== TOKEN });
    }
  });

  it('refuses each role the contract does not name, with 403, and lets the others through', async () => {
    const cases = Object.entries(WHO).flatMap(([name, who]) =>
      who === TOKEN ? [] : Roles.map((role) => ({ name, role, allowed: who.includes(role) })),
    );
    const outcomes = await inBatches(
      cases.map(({ name, role, allowed }) => async () => {
        const status = await call(name, keys[role]);
        const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
        return ok ? undefined : `${role} ${name}: ${status} (${allowed ? 'allowed' : 'not allowed'})`;
      }),
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });

  it('asks for credentials on every route but the invitation’s, which its token opens', async () => {
    const outcomes = await inBatches(
      Object.entries(WHO).map(([name, who]) => async () => {
        const status = await call(name);
        // A made-up token is a 404 (or a 400 for a malformed one), never a demand for a key.
        const ok = who === TOKEN ? status === 404 || status === 400 : status === 401;
        return ok ? undefined : `anonymous ${name}: ${status}`;
      }),
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });

  it('has each service refuse the same roles itself, whoever reaches its port', async () => {
    const publicName = (route: InternalRoute) => `${route.method} /${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const outcomes = await inBatches(
      INTERNAL_ROUTES.flatMap((route) =>
        Roles.map((role) => async () => {
          const who = WHO[publicName(route)];
          expect({ route: publicName(route), known: who !== undefined }).toEqual({
            route: publicName(route),
            known: true,
          });
          // The gateway calls the invitation routes as a read-only actor, whatever the token.
          const allowed = who === TOKEN ? role === 'reader' : who.includes(role);
          const actor = {
            role,
            subject: `api5-${role}`,
            ...(AGENCY_BOUND_ROLES.includes(role) ? { agencyId } : {}),
          };
          const token = await signActorToken(actor, route.service, stack.actorTokenKeys.privateKey);
          const writes = route.method !== 'GET' && route.method !== 'DELETE';
          const response = await fetch(`http://127.0.0.1:${stack.ports[route.service]}/internal/${fill(route.path)}`, {
            method: route.method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(writes ? { 'content-type': 'application/json' } : {}),
            },
            body: writes ? '{}' : undefined,
            signal: AbortSignal.timeout(20_000),
          });
          await response.arrayBuffer();
          const { status } = response;
          const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
          return ok ? undefined : `${role} ${route.service} ${publicName(route)}: ${status}`;
        }),
      ),
    );
    expect(outcomes.filter(Boolean)).toEqual([]);
  });
});
