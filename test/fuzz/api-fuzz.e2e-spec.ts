import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Roles } from '@pressconf/contracts';
import { Stack } from '../support/stack';
import { fuzzFixture } from './fuzz-fixture';
import { describeRequest, FuzzRequest, requestFor } from './fuzz-requests';
import { OpenApiDocument, operationsOf } from './openapi-operations';
import { Mutation, sampleMutations } from './request-mutations';
import { RowCounts } from './row-counts';

/** FUZZ_SEED reproduces a run; FUZZ_RUNS is the number of requests per operation (a quarter of them valid). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
/** The run's time grows with FUZZ_RUNS (every operation gets that many requests): a minute per run, at least 3. */
const TIME_ALLOWED_MS = Math.max(180_000, RUNS * 60_000);
/** The valid calls' mail, all at once: half a minute per run, on top of the time above. */
const SETTLE_CAP_MS = Math.max(120_000, RUNS * 30_000);
/** Statuses any operation may answer although its entry does not list them: the HTTP layer's own refusals. */
const GENERIC_STATUSES = new Set([400, 401, 403, 404, 413, 415, 429, 431]);
/**
 * Who sends a case: valid ones go round every role; broken ones mostly come from the staff roles, which most
 * routes let through to the validation and the domain rules that are being fuzzed.
 */
const roleOf = (valid: boolean, n: number) =>
  valid || n % 3 === 0 ? Roles[n % Roles.length] : n % 3 === 1 ? 'admin' : 'coordinator';
/** Changes that end a fixture's life (cancel, complete, revoke) go last, so that the others meet it alive. */
/**
 * What fuzzing found once, sent in every run with the status it must now get: text PostgreSQL cannot store
 * (was a 500), a day that does not exist (was taken for another), a query string over Node's header limit (was
 * a bare 431 without a problem document).
 */
const REGRESSIONS: Array<{ method: string; path: string; mutation: Mutation; status: number }> = [
  {
    method: 'POST',
    path: '/api/v1/agencies',
    mutation: { kind: 'set-field', field: 'name', value: 'Đắk\u0000Lắk' },
    status: 400,
  },
  {
    method: 'POST',
    path: '/api/v1/conferences',
    mutation: { kind: 'set-field', field: 'venue', value: 'x\uD800' },
    status: 400,
  },
  {
    method: 'POST',
    path: '/api/v1/conferences',
    mutation: { kind: 'set-field', field: 'startsAt', value: '2027-02-30T09:00:00+07:00' },
    status: 400,
  },
  {
    method: 'GET',
    path: '/api/v1/conferences',
    mutation: { kind: 'query', pick: 0, value: 'q'.repeat(20_000) },
    status: 431,
  },
];
const isFinal = (request: FuzzRequest) =>
  request.operation.method === 'DELETE' || /\/(cancel|complete)$/.test(request.operation.path);

/**
 * Requests generated from the OpenAPI document for every operation, valid (json-schema-faker) and broken on
 * purpose (fast-check: wrong types, huge strings, unicode edges, missing and extra fields, boundary numbers,
 * malformed JSON, wrong content types, bad path and query values, bad credentials), with each role's key. No
 * answer may be a 5xx, every 4xx is a problem document of the documented shape, and no refused request leaves a
 * row behind in any table of any schema.
 */
describe('the API under generated input', () => {
  let stack: Stack;
  let document: OpenApiDocument;
  let counts: RowCounts;
  let problemShape: ValidateFunction;

  beforeAll(async () => {
    stack = await Stack.start({
      env: {
        GATEWAY_RATE_LIMIT: '1000000',
        GATEWAY_AUTH_FAILURE_LIMIT: '1000000',
        GATEWAY_RSVP_ADDRESS_RATE_LIMIT: '1000000',
        GATEWAY_RSVP_TOKEN_RATE_LIMIT: '1000000',
        LOG_LEVEL: 'warn',
      },
    });
    const docs = await fetch(`http://127.0.0.1:${stack.ports.gateway}/docs-json`, {
      headers: { 'X-API-Key': stack.adminKey },
    });
    document = (await docs.json()) as OpenApiDocument;
    const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    server.pathname = `/${stack.database}`;
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    const kafka = new Kafka({
      clientId: 'api-fuzz',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await kafka.connect();
    counts = new RowCounts(client, kafka);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    problemShape = ajv.compile(document.components.schemas.Problem);
  });

  afterAll(async () => {
    await counts?.close();
    await stack?.stop();
  }, 300_000);

  it(
    `answers every generated request without a 5xx (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS})`,
    async () => {
      console.log(`API fuzzing with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
      const { ids, callers } = await fuzzFixture(stack);
      const context = { ids, callers, base: `http://127.0.0.1:${stack.ports.gateway}` };
      const operations = operationsOf(document);
      const valid: FuzzRequest[] = [];
      const invalid: FuzzRequest[] = [];
      operations.forEach((operation, index) => {
        const seed = SEED + index * 1009;
        const validCount = Math.max(1, Math.round(RUNS / 4));
        const broken = sampleMutations(seed, RUNS - validCount);
        for (let i = 0; i < RUNS; i += 1) {
          const mutation = i < validCount ? undefined : broken[i - validCount];
          const role = roleOf(!mutation, index + i);
          (mutation ? invalid : valid).push(
            requestFor(operation, document, context, { seed: seed + i, role, mutation }),
          );
        }
      });

      const regressions = REGRESSIONS.map((regression) => {
        const operation = operations.find((o) => o.method === regression.method && o.path === regression.path);
        if (!operation) throw new Error(`no ${regression.method} ${regression.path} in the document`);
        const request = requestFor(operation, document, context, {
          seed: SEED,
          role: 'admin',
          mutation: regression.mutation,
        });
        return { request, status: regression.status };
      });

      const failures: string[] = [];
      const tally = new Map<string, number>();
      const check = async (request: FuzzRequest, compareCounts: boolean) => {
        const before = compareCounts ? await counts.take() : undefined;
        const answer = await send(request);
        tally.set(`${answer.status}`, (tally.get(`${answer.status}`) ?? 0) + 1);
        const found = verdictOn(request, answer, problemShape);
        if (found) failures.push(`${found}: ${describeRequest(request)}`);
        if (!before) return answer;
        if (answer.status >= 400) {
          const changed = counts.differences(before, await counts.take());
          if (changed.length)
            failures.push(`refused with ${answer.status} but wrote ${changed}: ${describeRequest(request)}`);
        } else if (request.operation.method !== 'GET') {
          await counts.settle(); // an accepted change, and the events it causes, before the next comparison
        }
        return answer;
      };

      valid.sort((a, b) => Number(isFinal(a)) - Number(isFinal(b)));
      for (const request of valid) await check(request, false);
      // Every valid request at once: with many runs, calls of hundreds of invitees whose mail takes minutes.
      await counts.settle({ stallMs: 60_000, capMs: SETTLE_CAP_MS });
      invalid.sort((a, b) => Number(isFinal(a)) - Number(isFinal(b)));
      for (const request of invalid) await check(request, true);
      for (const { request, status } of regressions) {
        const answer = await check(request, true);
        if (answer.status !== status)
          failures.push(`${answer.status} instead of ${status}: ${describeRequest(request)}`);
      }

      console.log(
        `API fuzzing: ${valid.length + invalid.length + regressions.length} requests over ${operations.length} operations; statuses ${JSON.stringify(
          Object.fromEntries(tally),
        )}; ${failures.length} finding(s)`,
      );
      expect(failures).toEqual([]);
      expect(operations.length).toBeGreaterThan(30);
    },
    TIME_ALLOWED_MS + SETTLE_CAP_MS,
  );
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(request: FuzzRequest): Promise<Answer> {
  try {
    const response = await fetch(request.url, {
      method: request.operation.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  } catch (error) {
    // The gateway cut the connection or never answered: as bad as a 5xx.
    return { status: 599, contentType: '', text: String(error) };
  }
}

/** What is wrong with an answer, or nothing. */
function verdictOn(request: FuzzRequest, answer: Answer, problemShape: ValidateFunction): string | undefined {
  if (answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 200)}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.startsWith('application/problem+json')) {
    return `${answer.status} as ${answer.contentType || 'no content type'}, not problem+json`;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `${answer.status} problem+json that is not JSON`;
  }
  if (!problemShape(body))
    return `${answer.status} problem not of the documented shape: ${JSON.stringify(problemShape.errors)}`;
  if ((body as { status: number }).status !== answer.status)
    return `${answer.status} problem says status ${(body as { status: number }).status}`;
  if (!request.operation.documented.has(answer.status) && !GENERIC_STATUSES.has(answer.status)) {
    return `${answer.status} is not documented for the operation`;
  }
  return undefined;
}
