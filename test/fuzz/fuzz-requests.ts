import {
  exampleOf,
  fakeOf,
  fillPath,
  idFor,
  IdPool,
  OpenApiDocument,
  Operation,
  queryOf,
  withRealIds,
} from './openapi-operations';
import { jsonType, leavesOf, Mutation, REMOVE, replaceAt } from './request-mutations';

/** One request to send, with what it was made from (printed when it finds something). */
export interface FuzzRequest {
  operation: Operation;
  /** `valid`, or the mutation's kind. */
  kind: string;
  /** The role whose key is sent, `token` for the invitation routes, or `other` (credentials mutated). */
  caller: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface Callers {
  /** One key per role, issued by the admin. */
  keys: Record<string, string>;
}

/** A 1×1 PNG: the smallest file the upload routes take. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(file: Buffer, field = 'file', filename = 'anh.png', type = 'image/png') {
  const boundary = `fuzz${file.length}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

const query = (values: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const item of [value].flat()) search.append(name, item);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

interface Draft {
  params: Record<string, string>;
  rawPath: boolean;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  json?: unknown;
  text?: string | Buffer;
  contentType?: string;
}

/**
 * A request the document allows: real ids, a body and query from the schemas, or the schema's example: always for
 * a request about to be broken (a realistic body broken in one place gets furthest), every third time otherwise.
 */
function validDraft(
  operation: Operation,
  document: OpenApiDocument,
  ids: IdPool,
  seed: number,
  preferExample: boolean,
): Draft {
  const params = Object.fromEntries(operation.pathParams.map((name) => [name, idFor(operation, name, ids)]));
  const draft: Draft = { params, rawPath: false, query: queryOf(operation, document, seed), headers: {} };
  if (operation.body?.contentType === 'multipart/form-data') {
    const form = multipart(PNG);
    return { ...draft, text: form.body, contentType: form.contentType };
  }
  if (operation.body) {
    const example = preferExample || seed % 3 === 0 ? exampleOf(operation.body.schema, document) : undefined;
    draft.json = withRealIds(example ?? fakeOf(operation.body.schema, document, seed), ids);
    draft.contentType = 'application/json';
  }
  return draft;
}

/** Adds a property by definition, so that `__proto__` is a key of the JSON and not the object's prototype. */
function withExtra(target: unknown, name: string, value: unknown): unknown {
  const copy = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  Object.defineProperty(copy, name, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** The draft broken as the mutation says; a mutation that does not apply falls back to an extra field. */
function mutate(draft: Draft, mutation: Mutation, operation: Operation): Draft {
  const leaves = leavesOf(draft.json);
  const strings = leaves.filter((leaf) => typeof leaf.value === 'string');
  const numbers = leaves.filter((leaf) => typeof leaf.value === 'number');
  const at = <T>(items: T[], index: number) => items[index % items.length];
  const json = (value: unknown): Draft => ({ ...draft, json: value, contentType: 'application/json', text: undefined });
  switch (mutation.kind) {
    case 'wrong-type': {
      if (!leaves.length) return json(mutation.value);
      const leaf = at(leaves, mutation.pick);
      const value = jsonType(mutation.value) === jsonType(leaf.value) ? [leaf.value] : mutation.value;
      return json(replaceAt(draft.json, leaf.path, value));
    }
    case 'huge-string':
      if (!strings.length) return json(withExtra(draft.json, 'note', 'x'.repeat(mutation.length)));
      return json(replaceAt(draft.json, at(strings, mutation.pick).path, 'x'.repeat(mutation.length)));
    case 'unicode':
      if (!strings.length) return json(withExtra(draft.json, 'note', mutation.value));
      return json(replaceAt(draft.json, at(strings, mutation.pick).path, mutation.value));
    case 'missing-field':
      if (!leaves.length) return json({});
      return json(replaceAt(draft.json, at(leaves, mutation.pick).path.slice(0, 1), REMOVE));
    case 'extra-field':
      return json(withExtra(draft.json, mutation.name || 'extra', mutation.value));
    case 'boundary-number':
      if (numbers.length) return json(replaceAt(draft.json, at(numbers, mutation.pick).path, mutation.value));
      return { ...draft, query: { ...draft.query, [at(['page', 'pageSize'], mutation.pick)]: String(mutation.value) } };
    case 'malformed-json':
      return { ...draft, json: undefined, text: mutation.text, contentType: 'application/json' };
    case 'content-type':
      return {
        ...draft,
        text: draft.text ?? JSON.stringify(draft.json ?? { title: 'x' }),
        json: undefined,
        contentType: mutation.contentType,
      };
    case 'path-param': {
      if (!operation.pathParams.length) return mutate(draft, { kind: 'extra-field', name: 'id', value: 1 }, operation);
      const name = at(operation.pathParams, mutation.pick);
      return { ...draft, rawPath: true, params: { ...encodeAll(draft.params), [name]: mutation.value } };
    }
    case 'query': {
      const names = operation.query.map((q) => q.name);
      const name = names.length ? at(names, mutation.pick) : 'page';
      return { ...draft, query: { ...draft.query, [name]: mutation.value } };
    }
    case 'credentials':
      return { ...draft, headers: { ...draft.headers, ...mutation.headers, 'X-Credentials-Mutated': '1' } };
    case 'set-field':
      return json(replaceAt(draft.json ?? {}, [mutation.field], mutation.value));
  }
}

const encodeAll = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]));

/**
 * The request for one case: valid when `mutation` is absent. The caller's key goes in X-API-Key (the token routes
 * need none), unless the mutation replaced the credentials.
 */
export function requestFor(
  operation: Operation,
  document: OpenApiDocument,
  context: { ids: IdPool; callers: Callers; base: string },
  choice: { seed: number; role: string; mutation?: Mutation },
): FuzzRequest {
  const valid = validDraft(operation, document, context.ids, choice.seed, choice.mutation !== undefined);
  const draft = choice.mutation ? mutate(valid, choice.mutation, operation) : valid;
  const mutatedCredentials = draft.headers['X-Credentials-Mutated'] === '1';
  const headers: Record<string, string> = { ...draft.headers };
  delete headers['X-Credentials-Mutated'];
  if (operation.secured && !mutatedCredentials) headers['X-API-Key'] = context.callers.keys[choice.role];
  const body = draft.text ?? (draft.json === undefined ? undefined : JSON.stringify(draft.json));
  if (body !== undefined && draft.contentType) headers['Content-Type'] = draft.contentType;
  return {
    operation,
    kind: choice.mutation?.kind === 'set-field' ? `set ${choice.mutation.field}` : (choice.mutation?.kind ?? 'valid'),
    caller: mutatedCredentials ? 'other' : operation.secured ? choice.role : 'token',
    url: `${context.base}${fillPath(operation, draft.params, draft.rawPath)}${query(draft.query)}`,
    headers,
    ...(body === undefined || operation.method === 'GET' || operation.method === 'DELETE' ? {} : { body }),
  };
}

/** What to print for a case that found something: enough to send it again by hand. */
export function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ''
      : ` body ${typeof request.body === 'string' ? JSON.stringify(request.body.slice(0, 300)) : `<${request.body.length} bytes>`}`;
  return `${request.operation.method} ${request.url.slice(0, 300)} [${request.kind}, ${request.caller}] headers ${JSON.stringify(
    request.headers,
    (name, value: unknown) => (name === 'X-API-Key' && typeof value === 'string' ? `${value.slice(0, 12)}…` : value),
  ).slice(0, 300)}${body}`;
}
