import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillPath, INTERNAL_ROUTES } from '@pressconf/contracts';
import { eventually, freePort, ROOT, Stack, stopProcess } from '../support/stack';

/**
 * OWASP API9:2023 Improper Inventory Management. What the gateway serves is what the OpenAPI document says, plus
 * the few routes the README lists beside it (health, metrics, the AsyncAPI document, the invitee's page): the
 * router, as Nest logs it at start, is compared with the document both ways. The services' internal APIs are not
 * reachable through the gateway's port, and with GATEWAY_DOCS=off nothing about the API is published.
 */
const DIST = process.env.DIST_DIR ? join(process.env.DIST_DIR) : join(ROOT, 'dist');

/** Served outside the OpenAPI document, each described in the README. */
const BESIDE_THE_DOCUMENT = [
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'GET /asyncapi.json',
  'GET /moi/{token}',
  'POST /moi/{token}',
  'GET /moi/assets/{file}',
];

describe('API9 improper inventory', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const gateway = (port = stack.ports.gateway) => `http://127.0.0.1:${port}`;

  it('routes exactly what the OpenAPI document describes, and what the README lists beside it', async () => {
    const document = (await (await fetch(`${gateway()}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Nest logs each route it maps at start: "Mapped {/api/v1/conferences/:id, GET} route".
    const log = readFileSync(join(ROOT, 'test-artifacts/logs', `${stack.database}-gateway.log`), 'utf8');
    const routed = [...log.matchAll(/Mapped \{([^,}]+), (\w+)\} route/g)].map(
      ([, path, method]) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`,
    );
    expect(routed.length).toBeGreaterThan(20);
    expect([...new Set(routed)].sort()).toEqual([...documented, ...BESIDE_THE_DOCUMENT].sort());
    // Only the JSON document is served, nothing left over from a default.
    expect((await fetch(`${gateway()}/docs-yaml`)).status).toBe(404);
  });

  it("does not pass the services' internal routes through the gateway's port", async () => {
    expect(INTERNAL_ROUTES.length).toBeGreaterThan(20);
    for (const route of INTERNAL_ROUTES) {
      const params = Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map(([, name]) => [name, randomUUID()]));
      const { path } = fillPath(route, params);
      for (const prefix of ['/internal/', '/api/v1/internal/']) {
        const response = await fetch(`${gateway()}${prefix}${path}`, {
          method: route.method,
          headers: { 'X-API-Key': stack.adminKey, 'Content-Type': 'application/json' },
          body: ['GET', 'DELETE'].includes(route.method) ? undefined : '{}',
        });
        expect({ route: `${route.method} ${prefix}${path}`, status: response.status }).toEqual({
          route: `${route.method} ${prefix}${path}`,
          status: 404,
        });
      }
    }
  });

  it('publishes nothing about the API with GATEWAY_DOCS=off, and still serves it', async () => {
    const port = await freePort();
    const log = createWriteStream(join(ROOT, 'test-artifacts/logs', `${stack.database}-gateway-docs-off.log`));
    const closed = spawn(process.execPath, [join(DIST, 'apps/gateway/main.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GATEWAY_DOCS: 'off',
        GATEWAY_PORT: String(port),
        DATABASE_URL: stack.databaseUrlOf('gateway'),
        GATEWAY_ADMIN_API_KEY: stack.adminKey,
        INTERNAL_AUTH_PRIVATE_KEY: stack.actorTokenKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        SCHEDULING_PORT: String(stack.ports.scheduling),
        SUBMISSIONS_PORT: String(stack.ports.submissions),
        NOTIFICATIONS_PORT: String(stack.ports.notifications),
      },
    });
    closed.stdout?.pipe(log);
    closed.stderr?.pipe(log);
    try {
      await eventually(async () => {
        if (closed.exitCode !== null) throw new Error(`it exited with ${closed.exitCode}: see ${log.path as string}`);
        return (await fetch(`${gateway(port)}/health/ready`, { signal: AbortSignal.timeout(5_000) })).ok;
      }, 90_000);
      for (const path of ['/docs', '/docs/', '/docs/swagger-ui-init.js', '/docs-json', '/asyncapi.json']) {
        const response = await fetch(`${gateway(port)}${path}`, { headers: { 'X-API-Key': stack.adminKey } });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      const agencies = await fetch(`${gateway(port)}/api/v1/agencies`, { headers: { 'X-API-Key': stack.adminKey } });
      expect(agencies.status).toBe(200);
    } finally {
      await stopProcess(closed);
    }
  });
});
