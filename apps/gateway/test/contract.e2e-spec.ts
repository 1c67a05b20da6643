import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { CreatedApiKeyView, IncidentView } from '@pressconf/contracts';
import { ROOT, Stack } from '@pressconf/testing/support/stack';
import { callPeriodicConference } from '@pressconf/testing/support/conference';

type Operation = {
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

/**
 * Walks the OpenAPI document: every operation is called (with real ids where the path has them), and every
 * answer must have a documented status whose schema the body matches.
 */
describe('the OpenAPI document is the contract', () => {
  let stack: Stack;
  let document: OpenApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await Stack.start();
    const called = await callPeriodicConference(stack);
    ids.agency = called.agencies[0].id;
    ids.conference = called.conference.id;
    const key = await stack.api<CreatedApiKeyView>('POST', '/api-keys', { body: { name: 'Hợp đồng', role: 'reader' } });
    ids.apiKey = key.body.id;
    const incident = await stack.api<IncidentView>('POST', '/incidents', {
      body: {
        title: 'Sự việc kiểm thử',
        description: 'Mô tả',
        occurredAt: new Date().toISOString(),
        topics: ['an ninh trật tự'],
        agencyIds: [ids.agency],
      },
    });
    ids.incident = incident.body.id;
    document = (await (await fetch(`http://127.0.0.1:${stack.ports.gateway}/docs-json`)).json()) as OpenApi;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('passes the Redocly linter without errors', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    // Redocly exits non-zero when it finds errors; the JSON report says which.
    const { stdout } = spawnSync(join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--format=json'], {
      encoding: 'utf8',
    });
    const { problems } = JSON.parse(stdout) as {
      problems: Array<{ severity: string; ruleId: string; message: string }>;
    };
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it('answers on every path, with bodies that match the documented schemas', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
    addFormats(ajv);
    ajv.addSchema(withNulls({ components: document.components }) as object, 'openapi.json');
    const failures: string[] = [];
    let calls = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(path, name));
        const response = await fetch(`http://127.0.0.1:${stack.ports.gateway}${url}`, {
          method: method.toUpperCase(),
          headers: {
            'X-API-Key': stack.adminKey,
            ...(['post', 'put', 'patch'].includes(method) ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(['post', 'put', 'patch'].includes(method) ? { body: '{}' } : {}),
        });
        calls += 1;
        const status = String(response.status);
        const documented = operation.responses[status] ?? operation.responses.default;
        if (!documented) {
          failures.push(`${method.toUpperCase()} ${path}: ${status} is not documented`);
          continue;
        }
        const type = (response.headers.get('content-type') ?? '').split(';')[0];
        const schema = documented.content?.[type]?.schema ?? documented.content?.['application/json']?.schema;
        if (!schema || response.status === 204) continue;
        const body = type.includes('json') ? await response.json() : await response.text();
        const validate = ajv.compile(withNulls(rebase(schema)) as object);
        if (!validate(body)) {
          failures.push(`${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(10);
  });

  /** A real id for a path parameter, chosen by the path's resource. */
  function idFor(path: string, name: string): string {
    if (name === 'token') return 'no-such-token';
    const resource = path.split('/')[3];
    const byResource: Record<string, string | undefined> = {
      agencies: ids.agency,
      conferences: ids.conference,
      incidents: ids.incident,
      'api-keys': ids.apiKey,
    };
    return byResource[resource] ?? '6f1d4c2e-0000-4000-8000-000000000000';
  }
});

/** Points the document's local references at the registered document. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi.json#/components/')) as object;
}

/** OpenAPI 3.0's `nullable` in JSON Schema terms, which ajv checks: the value may also be null. */
function withNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNulls);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withNulls(v)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') return { ...converted, type: [converted.type, 'null'] };
  return { anyOf: [converted, { type: 'null' }] };
}
