import { generateSync, type JsonSchema } from 'json-schema-faker';

/** The parts of the gateway's OpenAPI document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, object> };
}
interface RawParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: object;
}
interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: object }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}

export interface Operation {
  method: string;
  /** The documented path, e.g. `/api/v1/conferences/{id}/call`. */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: object }>;
  body?: { contentType: string; schema: object };
  /** The statuses the document lists for the operation. */
  documented: Set<number>;
  /** False for the routes of the invitation's token (RSVP): no key, the token is the credential. */
  secured: boolean;
}

/** Every operation of the document, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const parameters = raw.parameters ?? [];
      const [contentType, media] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        ...(contentType ? { body: { contentType, schema: media?.schema ?? {} } } : {}),
        documented: new Set(Object.keys(raw.responses).map(Number)),
        secured: raw.security === undefined || raw.security.length > 0,
      });
    }
  }
  return operations;
}

/** Real objects of the stack that path parameters and id fields point at, by the resource they name. */
export interface IdPool {
  agency: string;
  pressAgency: string;
  conference: string;
  incident: string;
  series: string;
  briefRequest: string;
  brief: string;
  /** A key that may be revoked: never one the fuzzer calls with. */
  apiKey: string;
  token: string;
  attachment: string;
}

const RESOURCE_OF: Record<string, keyof IdPool> = {
  agencies: 'agency',
  'api-keys': 'apiKey',
  conferences: 'conference',
  'conference-series': 'series',
  incidents: 'incident',
  'brief-requests': 'briefRequest',
  briefs: 'brief',
  invitations: 'token',
};

/** The real id a path parameter names: `{id}` after `/conferences`, `{agencyId}`, `{attachmentId}`, `{token}`. */
export function idFor(operation: Operation, param: string, ids: IdPool): string {
  if (param === 'agencyId') return ids.agency;
  if (param === 'attachmentId') return ids.attachment;
  if (param === 'token') return ids.token;
  const resource = operation.path.split('/')[3];
  return ids[RESOURCE_OF[resource] ?? 'conference'];
}

/** The path with its parameters filled, each value encoded unless `raw` (a deliberately broken one). */
export function fillPath(operation: Operation, values: Record<string, string>, raw = false): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    raw ? values[name] : encodeURIComponent(values[name]),
  );
}

/**
 * OpenAPI 3.0 in the JSON Schema that json-schema-faker reads: the components as `$defs` and `nullable` as a
 * second type.
 */
function asJsonSchema(schema: object, document: OpenApiDocument): JsonSchema {
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (typeof node !== 'object' || node === null) return node;
    const { nullable, ...rest } = node as Record<string, unknown>;
    const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, convert(v)]));
    if (typeof converted.$ref === 'string')
      converted.$ref = converted.$ref.replace('#/components/schemas/', '#/$defs/');
    return nullable === true && typeof converted.type === 'string'
      ? { ...converted, type: [converted.type, 'null'] }
      : converted;
  };
  return { ...(convert(schema) as object), $defs: convert(document.components.schemas) as Record<string, JsonSchema> };
}

/** A value the schema allows, the same for the same seed. */
export function fakeOf(schema: object, document: OpenApiDocument, seed: number): unknown {
  return generateSync(asJsonSchema(schema, document), { seed, optionalsProbability: 0.5, maxDefaultItems: 3 });
}

/** The schema's own example when it has one (a realistic body that gets past validation to the domain rules). */
export function exampleOf(schema: object, document: OpenApiDocument): unknown {
  const ref = (schema as { $ref?: string }).$ref;
  const target = ref ? document.components.schemas[ref.split('/').pop() ?? ''] : schema;
  return (target as { example?: unknown } | undefined)?.example;
}

/**
 * Points the id fields of a generated body at real objects, so that a valid request reaches the domain rules
 * instead of stopping at a 404: `agencyId(s)`, `presenterAgencyId`, `incidentId`, `seriesId`.
 */
export function withRealIds(value: unknown, ids: IdPool): unknown {
  if (Array.isArray(value)) return value.map((item) => withRealIds(item, ids));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (/agencyIds$/i.test(key) && Array.isArray(item)) out[key] = [ids.agency];
    else if (/agencyId$/i.test(key) && typeof item === 'string') out[key] = ids.agency;
    else if (key === 'incidentId' && typeof item === 'string') out[key] = ids.incident;
    else if (key === 'seriesId' && typeof item === 'string') out[key] = ids.series;
    else out[key] = withRealIds(item, ids);
  }
  return out;
}

/** A query string from documented parameters: each given one generated from its schema. */
export function queryOf(operation: Operation, document: OpenApiDocument, seed: number): Record<string, string> {
  const query: Record<string, string> = {};
  operation.query.forEach((parameter, index) => {
    if ((seed + index) % 2 === 0) return; // about half of the optional parameters are sent
    const value = fakeOf(parameter.schema, document, seed + index);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      query[parameter.name] = String(value);
    }
  });
  return query;
}
