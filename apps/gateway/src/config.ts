import { z } from 'zod';
import {
  actorTokenSigningEnv,
  attachmentsEnv,
  configLoader,
  databaseEnv,
  envDocs,
  intVar,
  listVar,
  loggingEnv,
  optionalStringVar,
  optionalUrlVar,
  portVar,
  provinceEnv,
  servicePortsEnv,
  sizeVar,
  stringVar,
  tracingEnv,
} from '@pressconf/messaging';

/**
 * Admin keys published in this repository (docker-compose.yml, the dev overlay): fine on a laptop, never in
 * production. config.spec.ts reads those files, so a changed default has to be listed here too.
 */
export const WELL_KNOWN_ADMIN_KEYS = [
  'pk_admin_compose_local_development_only',
  'pk_admin_dev_cluster_only_not_a_secret',
];
export const ADMIN_KEY_MIN_LENGTH = 32;

/** Bearer tokens are checked against the issuer's public keys: a shared-secret (HS*) or `none` algorithm never. */
const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Every variable the gateway reads (README, "Configuration"; `npm run config:docs` writes the table). */
const gatewayVariables = z.object({
  GATEWAY_PORT: portVar(3000, 'REST port'),
  NODE_ENV: optionalStringVar(
    '`production` (the Dockerfile sets it) refuses a missing, short or published GATEWAY_ADMIN_API_KEY and makes GATEWAY_DOCS `authenticated` by default',
    'unset',
  ),
  ...databaseEnv,
  ...loggingEnv,
  ...provinceEnv,
  GATEWAY_ADMIN_API_KEY: optionalStringVar('bootstrap key with the admin role', 'generated and printed by `npm start`'),
  ...servicePortsEnv,
  SCHEDULING_URL: optionalUrlVar(
    "where the gateway calls scheduling's internal API",
    '`http://127.0.0.1:<SCHEDULING_PORT>`',
  ),
  SUBMISSIONS_URL: optionalUrlVar(
    "where the gateway calls submissions' internal API",
    '`http://127.0.0.1:<SUBMISSIONS_PORT>`',
  ),
  NOTIFICATIONS_URL: optionalUrlVar(
    "where the gateway calls notifications' internal API",
    '`http://127.0.0.1:<NOTIFICATIONS_PORT>`',
  ),
  ...actorTokenSigningEnv,
  GATEWAY_SERVICE_CONNECTIONS: intVar(64, 'keep-alive connections the gateway keeps open to each service'),
  GATEWAY_RPC_TIMEOUT_MS: intVar(10_000, 'time the gateway waits for a service before a 504'),
  GATEWAY_BODY_LIMIT: sizeVar('1mb', 'JSON body cap of the REST API'),
  GATEWAY_CORS_ORIGINS: listVar('allowed CORS origins (comma list)'),
  IDEMPOTENCY_RETENTION_HOURS: intVar(24, "how long an Idempotency-Key's first answer is kept"),
  IDEMPOTENCY_SWEEP_INTERVAL_MS: intVar(3_600_000, 'how often expired idempotency records are deleted'),
  GATEWAY_RATE_LIMIT: intVar(
    600,
    'requests per caller (API key, token subject, or address) per window; over it: 429 with Retry-After',
  ),
  GATEWAY_RATE_WINDOW_MS: intVar(60_000, 'the window of GATEWAY_RATE_LIMIT and the other limits below'),
  GATEWAY_AUTH_FAILURE_LIMIT: intVar(
    30,
    'failed authentications (unknown key, bad token) per client address per window; past it the address gets 429 with Retry-After until the window ends, before any key lookup',
  ),
  GATEWAY_RSVP_ADDRESS_RATE_LIMIT: intVar(
    300,
    'requests per client address per window to the invitation routes (/moi/*, /api/v1/invitations/*)',
  ),
  GATEWAY_RSVP_TOKEN_RATE_LIMIT: intVar(60, 'requests per invitation token per window to the same routes'),
  GATEWAY_TRUST_PROXY: intVar(
    0,
    'proxy hops in front of the gateway whose X-Forwarded-For is believed (1 behind the ingress); 0: the client address is the connecting one',
    { min: 0 },
  ),
  GATEWAY_DOCS: declareDocs(),
  GATEWAY_JWT_ISSUER: optionalStringVar(
    'accept bearer tokens of this issuer, checked against GATEWAY_JWT_JWKS_URL (and GATEWAY_JWT_AUDIENCE)',
    'off',
  ),
  GATEWAY_JWT_JWKS_URL: optionalUrlVar('the JWKS that bearer tokens are checked against', 'off'),
  GATEWAY_JWT_AUDIENCE: optionalStringVar('the audience bearer tokens must name (required with GATEWAY_JWT_ISSUER)'),
  GATEWAY_JWT_ALGORITHMS: listVar(
    'signature algorithms accepted on bearer tokens (asymmetric only: none and HS* are refused)',
    {
      defaultValue: 'RS256,ES256,PS256,EdDSA',
      item: z.enum(JWT_ALGORITHMS, {
        error: `expected some of ${JWT_ALGORITHMS.join(', ')} (none and HS* are refused)`,
      }),
    },
  ),
  GATEWAY_JWT_TYP: optionalStringVar(
    'the `typ` header bearer tokens must carry, e.g. `at+jwt`',
    'a token that names a type must name `JWT` or `at+jwt`',
  ),
  GATEWAY_JWT_ROLE_CLAIM: stringVar(
    'role',
    'the one claim that holds the role: a role or a list of them (the most powerful known one counts); a dotted path reads a nested claim, e.g. `realm_access.roles`',
  ),
  API_KEY_CACHE_MS: intVar(
    10_000,
    'how long a gateway replica trusts a looked-up key (revocation reaches other replicas within it)',
  ),
  ...attachmentsEnv,
  ...tracingEnv,
});

/** Every variable the gateway reads, and the rules that tie some together. */
export const gatewayEnv = gatewayVariables.superRefine((config, context) => {
  const adminKey = config.NODE_ENV === 'production' ? adminKeyProblem(config.GATEWAY_ADMIN_API_KEY) : undefined;
  if (adminKey) context.addIssue({ code: 'custom', path: ['GATEWAY_ADMIN_API_KEY'], message: adminKey });
  if (config.GATEWAY_JWT_ISSUER && !config.GATEWAY_JWT_AUDIENCE) {
    context.addIssue({
      code: 'custom',
      path: ['GATEWAY_JWT_AUDIENCE'],
      message: 'required with GATEWAY_JWT_ISSUER: a token issued for another application must not be accepted',
    });
  }
});
export type GatewayConfig = z.output<typeof gatewayEnv>;

/** Why a bootstrap admin key is not good enough for production, or nothing. */
export function adminKeyProblem(key: string | undefined): string | undefined {
  const advice = `set a secret of at least ${ADMIN_KEY_MIN_LENGTH} random characters (e.g. \`openssl rand -base64 32\`)`;
  if (!key) return `required with NODE_ENV=production: ${advice}`;
  if (WELL_KNOWN_ADMIN_KEYS.includes(key))
    return `this key is published in the repository (a development default): ${advice}`;
  if (key.length < ADMIN_KEY_MIN_LENGTH)
    return `too short for NODE_ENV=production (${key.length} characters): ${advice}`;
  return undefined;
}

export type DocsMode = 'public' | 'authenticated' | 'off';

/** An optional word (config/env.ts has no such helper): unset means "depends on NODE_ENV", see docsMode. */
function declareDocs() {
  const schema = z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['public', 'authenticated', 'off']).optional(),
  );
  envDocs.add(schema, {
    description:
      'who may read /docs, /docs-json and /asyncapi.json: anyone, callers with a valid key or token (the browser asks for the key as a password), or nobody (404)',
    shownDefault: '`public`; `authenticated` with NODE_ENV=production',
  });
  return schema;
}

/** GATEWAY_DOCS, or by default closed to anonymous callers in production and open elsewhere. */
export function docsMode(config: Pick<GatewayConfig, 'GATEWAY_DOCS' | 'NODE_ENV'>): DocsMode {
  return config.GATEWAY_DOCS ?? (config.NODE_ENV === 'production' ? 'authenticated' : 'public');
}

/** The gateway's configuration, read from process.env once (main.ts reads it first, so a wrong value stops it). */
export const gatewayConfig = configLoader(gatewayEnv);
