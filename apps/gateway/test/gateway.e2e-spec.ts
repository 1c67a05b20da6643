import { randomUUID } from 'node:crypto';
import type { AgencyView, Page, Problem } from '@pressconf/contracts';
import { Stack } from '@pressconf/testing/support/stack';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';

/** What the test reads of the OpenAPI document. */
interface OpenApiDocument {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { required?: string[] }> };
}

/** What the test reads of the AsyncAPI document. */
interface AsyncApiDocument {
  asyncapi: string;
  channels: Record<string, { address: string }>;
}

describe('gateway: contract surface', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('replays a creating POST retried with the same Idempotency-Key, and refuses the key with another body', async () => {
    const [agency] = smallDirectory();
    const key = randomUUID();
    // A refused request changed nothing and keeps nothing: corrected, it runs under the same key.
    const refused = await stack.api('POST', '/agencies', {
      body: { ...agency, code: undefined },
      headers: { 'Idempotency-Key': key },
    });
    expect(refused.status).toBe(400);
    const first = await stack.api<AgencyView>('POST', '/agencies', {
      body: agency,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(201);
    const retry = await stack.api<AgencyView>('POST', '/agencies', {
      body: agency,
      headers: { 'Idempotency-Key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const listed = await stack.api<Page<AgencyView>>('GET', `/agencies?q=${encodeURIComponent(agency.code)}`);
    expect(listed.body.total).toBe(1);

    const other = await stack.api('POST', '/agencies', {
      body: { ...agency, name: 'Tên khác' },
      headers: { 'Idempotency-Key': key },
    });
    expect(other.status).toBe(422);

    const duplicate = await stack.api('POST', '/agencies', { body: agency });
    expect(duplicate.status).toBe(409);
  });

  it('serves health, Swagger UI and the OpenAPI document', async () => {
    const base = `http://127.0.0.1:${stack.ports.gateway}`;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect((await fetch(`${base}/docs`)).status).toBe(200);
    const document = (await (await fetch(`${base}/docs-json`)).json()) as OpenApiDocument;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/agencies',
        '/api/v1/conferences/{id}/call',
        '/api/v1/conferences/{id}/invitations',
      ]),
    );
    const events = (await (await fetch(`${base}/asyncapi.json`)).json()) as AsyncApiDocument;
    expect(events.asyncapi).toBe('3.0.0');
    expect(Object.values(events.channels).map((c) => c.address)).toContain('scheduling.conference.v1');
    expect(document.components.schemas.CreateConferenceDto.required).toEqual(
      expect.arrayContaining(['kind', 'title', 'startsAt', 'endsAt', 'venue', 'topics']),
    );
  });

  it('refuses a page size above 100 and names the field', async () => {
    const response = await stack.api<Problem>('GET', '/agencies?pageSize=101');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0].field).toBe('pageSize');
  });

  it('carries the caller’s correlation id back', async () => {
    const response = await stack.api('GET', '/conferences', { headers: { 'X-Correlation-Id': 'trace-abc-123' } });
    expect(response.headers.get('x-correlation-id')).toBe('trace-abc-123');
  });
});
