import fc from 'fast-check';

/**
 * One way of breaking a valid request. Fields and parameters are picked by index (`pick`, modulo what the
 * request has), so that the same arbitrary serves every operation and the same seed breaks the same way.
 */
export type Mutation =
  | { kind: 'wrong-type'; pick: number; value: unknown }
  | { kind: 'huge-string'; pick: number; length: number }
  | { kind: 'unicode'; pick: number; value: string }
  | { kind: 'missing-field'; pick: number }
  | { kind: 'extra-field'; name: string; value: unknown }
  | { kind: 'boundary-number'; pick: number; value: number | string }
  | { kind: 'malformed-json'; text: string }
  | { kind: 'content-type'; contentType: string }
  | { kind: 'path-param'; pick: number; value: string }
  | { kind: 'query'; pick: number; value: string | string[] }
  | { kind: 'credentials'; headers: Record<string, string> }
  /** A named field set to a value: the regression cases of findings, not drawn at random. */
  | { kind: 'set-field'; field: string; value: unknown };

/** Strings that broke parsers, databases and renderers elsewhere. */
const UNICODE_EDGES = [
  '\u0000',
  'Đắk\u0000Lắk',
  '\uD800',
  'x\uDC00y',
  '\u202Eabc',
  '\uFEFF',
  '\u200B\u200C\u200D',
  'e\u0301\u0302\u0303',
  'Buôn Ma Thuột'.normalize('NFD'),
  '🏛️👩🏽‍⚖️🇻🇳',
  '\u0085\u2028\u2029',
  '\\u0000',
  "'; DROP TABLE conference; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}<%= 7*7 %>',
  ' ',
  '',
  '\t\r\n',
];

const anyJsonValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.string({ maxLength: 20 }),
);

const BOUNDARY_NUMBERS: Array<number | string> = [
  -1,
  0,
  1.5,
  -0,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  'NaN',
  'Infinity',
  '1e3',
  '0x10',
  ' 7',
  '١٢',
  '99999999999999999999999',
];

const MALFORMED_JSON = [
  '{',
  '{"a":}',
  '[1,2',
  'nul',
  '\uFEFF{}',
  '{"a":1}trailing',
  "{'a':1}",
  '{"a":1,}',
  'NaN',
  '"\\uD800"',
  '',
  '[]',
  '"a string"',
  '12',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"title":"\\u0000"}',
];

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'application/merge-patch+json',
  'image/png',
];

const PATH_VALUES = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '%00',
  '%2e%2e%2f%2e%2e',
  '%E0%A4%A',
  'a'.repeat(3000),
  '%F0%9F%92%A5',
  '1%20OR%201%3D1',
  '-1',
  '%20',
];

/** A JWT whose header says `alg: none`, and one signed by nobody we trust. */
const UNSIGNED_JWT = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
  '{"sub":"x","role":"admin","exp":4102444800}',
).toString('base64url')}.`;

const CREDENTIALS: Array<Record<string, string>> = [
  {},
  { 'X-API-Key': 'wrong' },
  { 'X-API-Key': `pk_admin_${'0'.repeat(32)}` },
  { 'X-API-Key': 'k'.repeat(5000) },
  { 'X-API-Key': '\u00ff\u00fe' },
  { Authorization: 'Bearer garbage' },
  { Authorization: `Bearer ${UNSIGNED_JWT}` },
  { Authorization: 'Basic YWRtaW46YWRtaW4=' },
];

const pick = fc.nat({ max: 1000 });

/** Every kind of breakage, each about as likely as the others. */
export const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), pick, value: anyJsonValue }),
  fc.record({
    kind: fc.constant('huge-string' as const),
    pick,
    length: fc.constantFrom(10_001, 200_000, 1_200_000),
  }),
  fc.record({
    kind: fc.constant('unicode' as const),
    pick,
    value: fc.oneof(
      fc.constantFrom(...UNICODE_EDGES),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    ),
  }),
  fc.record({ kind: fc.constant('missing-field' as const), pick }),
  fc.record({
    kind: fc.constant('extra-field' as const),
    name: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'id', 'status', 'createdAt'),
      fc.string({ maxLength: 12 }),
    ),
    value: anyJsonValue,
  }),
  fc.record({ kind: fc.constant('boundary-number' as const), pick, value: fc.constantFrom(...BOUNDARY_NUMBERS) }),
  fc.record({ kind: fc.constant('malformed-json' as const), text: fc.constantFrom(...MALFORMED_JSON) }),
  fc.record({ kind: fc.constant('content-type' as const), contentType: fc.constantFrom(...CONTENT_TYPES) }),
  fc.record({ kind: fc.constant('path-param' as const), pick, value: fc.constantFrom(...PATH_VALUES) }),
  fc.record({
    kind: fc.constant('query' as const),
    pick,
    value: fc.oneof(
      fc.constantFrom(...BOUNDARY_NUMBERS.map(String)),
      fc.constantFrom(...UNICODE_EDGES),
      fc.constant('q'.repeat(20_000)),
      fc.array(fc.constantFrom('1', 'PERIODIC', 'x'), { minLength: 2, maxLength: 3 }),
    ),
  }),
  fc.record({ kind: fc.constant('credentials' as const), headers: fc.constantFrom(...CREDENTIALS) }),
);

/** `count` mutations, the same ones for the same seed. */
export function sampleMutations(seed: number, count: number): Mutation[] {
  return fc.sample(mutations, { seed, numRuns: count });
}

/** A leaf of a JSON body: where it is, and what it holds. */
export interface Leaf {
  path: Array<string | number>;
  value: unknown;
}

/** The leaves of a JSON value, depth first (objects' keys and arrays' items). */
export function leavesOf(value: unknown, path: Array<string | number> = []): Leaf[] {
  if (Array.isArray(value)) {
    return value.length ? value.flatMap((item, i) => leavesOf(item, [...path, i])) : [{ path, value }];
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([key, item]) => leavesOf(item, [...path, key])) : [{ path, value }];
  }
  return path.length ? [{ path, value }] : [];
}

/** A copy of `root` with the value at `path` replaced, or removed when `value` is `REMOVE`. */
export const REMOVE = Symbol('remove');
export function replaceAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  if (rest.length === 0 && value === REMOVE) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else {
    copy[head] = replaceAt(copy[head], rest, value);
  }
  return copy;
}

/** The JSON type name of a value, to pick a replacement of another type. */
export function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
