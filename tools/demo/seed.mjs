// Seeds the demo directory of agencies through the public REST API (POST /api/v1/agencies), by agency code:
// an agency whose code already exists is left as it is, so seeding again (every `npm start`) changes nothing.
//
// Used by tools/start.mjs; also runnable on its own against a running gateway:
//   node tools/demo/seed.mjs [--base-url http://127.0.0.1:3000] [--api-key pk_admin_…] [--province khanh-hoa | --file agencies.json]
// (defaults: GATEWAY_PORT, GATEWAY_ADMIN_API_KEY and PROVINCE_PROFILE from the environment; the file is the demo
// directory of the province's profile, Đắk Lắk's without one).
//
// Node built-ins only, like the scripts that use it.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { demoDirectoryOf, readProfile } from '../lib/province.mjs';

export const DEFAULT_FILE = fileURLToPath(new URL('./daklak-agencies.json', import.meta.url));

const defaultLog = {
  info: (message) => process.stdout.write(`[seed] ${message}\n`),
  warn: (message) => process.stderr.write(`[seed] warning: ${message}\n`),
};

/** An answer that no agency can fix (bad key, wrong address): stop seeding at once rather than fail 30 times. */
class SeedAborted extends Error {}

/** Reads the file: an array of create bodies, or `{ "agencies": [...] }` (room for a description beside them). */
export async function loadAgencies(file = DEFAULT_FILE) {
  let parsed;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error.message}`, { cause: error });
  }
  const agencies = Array.isArray(parsed) ? parsed : parsed?.agencies;
  if (!Array.isArray(agencies)) throw new Error(`${file}: expected an array of agencies or { "agencies": [...] }`);
  agencies.forEach((agency, index) => {
    if (typeof agency?.code !== 'string' || !agency.code) throw new Error(`${file}: agency #${index + 1} has no code`);
  });
  return agencies;
}

/** The REST base: accepts the gateway's origin or the /api/v1 base itself. */
function apiBase(baseUrl) {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/api/v1') ? trimmed : `${trimmed}/api/v1`;
}

/**
 * One HTTP exchange with bounded retries on what a retry can cure (no connection, 429, 5xx), each attempt bounded
 * in time so that a stuck gateway cannot hang `npm start`. POSTs carry an Idempotency-Key, so a retry after a lost
 * answer creates nothing twice.
 */
async function request(url, init, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      // Unreachable for every agency alike: give up on the whole seeding.
      if (attempt >= attempts) throw new SeedAborted(`cannot reach ${url}: ${error.cause?.code ?? error.message}`);
      await sleep(500 * 2 ** attempt);
      continue;
    }
    const text = await response.text();
    let body = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text for the error message
    }
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= attempts) return { status: response.status, body };
    const retryAfter = Number(response.headers.get('retry-after'));
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 10) * 1000 : 500 * 2 ** attempt);
  }
}

/** A problem+json answer (RFC 9457) in one line, with its field errors. */
function describe({ status, body }) {
  if (body && typeof body === 'object') {
    const fields = Array.isArray(body.errors)
      ? body.errors.map((e) => `${e.field ?? e.pointer ?? '?'}: ${e.message ?? e.detail ?? ''}`)
      : [];
    return [`HTTP ${status}`, body.title, body.detail, fields.length ? `[${fields.join('; ')}]` : '']
      .filter(Boolean)
      .join(' ');
  }
  return `HTTP ${status}${body ? ` ${String(body).slice(0, 200)}` : ''}`;
}

function refuseFatal(response, what) {
  if (response.status === 401 || response.status === 403) {
    throw new SeedAborted(`the gateway refused the admin API key while ${what} (${describe(response)})`);
  }
  if (response.status === 404) {
    // the agencies collection itself is missing: a wrong base URL, or a gateway without the endpoint
    throw new SeedAborted(`no agencies endpoint at this address while ${what} (${describe(response)})`);
  }
}

async function exists(api, headers, code) {
  const response = await request(`${api}/agencies?q=${encodeURIComponent(code)}&pageSize=100`, { headers });
  refuseFatal(response, `looking up ${code}`);
  if (response.status !== 200 || !Array.isArray(response.body?.items)) {
    throw new Error(`looking up ${code}: ${describe(response)}`);
  }
  // q is a search, not an exact match: compare the codes ourselves.
  return response.body.items.some((agency) => agency.code === code);
}

/**
 * Creates every agency of `file` that the directory does not hold yet (by code).
 * Returns `{ created: [codes], skipped: [codes], failed: [{ code, error }] }`; throws only when seeding cannot go on
 * at all (unreadable file, key refused, no gateway).
 */
export async function seedAgencies(baseUrl, apiKey, file = DEFAULT_FILE, { log = defaultLog } = {}) {
  if (!apiKey) throw new Error('an admin API key is needed (GATEWAY_ADMIN_API_KEY or --api-key)');
  const api = apiBase(baseUrl);
  const agencies = await loadAgencies(file);
  const headers = { 'X-API-Key': apiKey, Accept: 'application/json' };
  const run = randomUUID(); // idempotency keys unique to this run, stable across its retries
  const result = { created: [], skipped: [], failed: [] };
  log.info(`seeding ${agencies.length} agencies from ${path.basename(file)} into ${api}`);
  for (const agency of agencies) {
    const { code } = agency;
    try {
      if (await exists(api, headers, code)) {
        result.skipped.push(code);
        continue;
      }
      const response = await request(`${api}/agencies`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': `seed-${run}-${code}` },
        body: JSON.stringify(agency),
      });
      refuseFatal(response, `creating ${code}`);
      if (response.status === 201 || response.status === 200) result.created.push(code);
      else if (response.status === 409)
        result.skipped.push(code); // created meanwhile, e.g. by a second seeder
      else throw new Error(describe(response));
    } catch (error) {
      if (error instanceof SeedAborted) throw error;
      log.warn(`${code}: ${error.message}`);
      result.failed.push({ code, error: error.message });
    }
  }
  log.info(
    `${result.created.length} created, ${result.skipped.length} already present` +
      (result.failed.length ? `, ${result.failed.length} failed (${result.failed.map((f) => f.code).join(', ')})` : ''),
  );
  return result;
}

// Run on its own: node tools/demo/seed.mjs …
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const usage =
    'usage: node tools/demo/seed.mjs [--base-url URL] [--api-key KEY] [--province NAME_OR_PATH | --file agencies.json]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string', default: `http://127.0.0.1:${process.env.GATEWAY_PORT || 3000}` },
        'api-key': { type: 'string', default: process.env.GATEWAY_ADMIN_API_KEY },
        province: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error.message}\n${usage}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    const file = values.file ?? demoDirectoryOf(readProfile(values.province));
    if (!file) throw new Error('the province profile names no demo directory (demoDirectory)');
    const result = await seedAgencies(values['base-url'], values['api-key'], path.resolve(file));
    process.exit(result.failed.length > 0 ? 1 : 0);
  } catch (error) {
    process.stderr.write(`[seed] error: ${error.message}\n`);
    process.exit(1);
  }
}
