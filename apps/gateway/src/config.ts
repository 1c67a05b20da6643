import { z } from 'zod';
import {
  actorTokenSigningEnv,
  attachmentsEnv,
  configLoader,
  databaseEnv,
  intVar,
  listVar,
  loggingEnv,
  optionalStringVar,
  optionalUrlVar,
  portVar,
  servicePortsEnv,
  sizeVar,
} from '@pressconf/messaging';

/** Every variable the gateway reads (README, "Configuration"; `npm run config:docs` writes the table). */
export const gatewayEnv = z.object({
  GATEWAY_PORT: portVar(3000, 'REST port'),
  ...databaseEnv,
  ...loggingEnv,
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
  GATEWAY_RATE_LIMIT: intVar(
    600,
    'requests per caller (API key, token subject, or address) per window; over it: 429 with Retry-After',
  ),
  GATEWAY_RATE_WINDOW_MS: intVar(60_000, 'the window of GATEWAY_RATE_LIMIT'),
  GATEWAY_JWT_ISSUER: optionalStringVar(
    'accept bearer tokens of this issuer, checked against GATEWAY_JWT_JWKS_URL (and GATEWAY_JWT_AUDIENCE)',
    'off',
  ),
  GATEWAY_JWT_JWKS_URL: optionalUrlVar('the JWKS that bearer tokens are checked against', 'off'),
  GATEWAY_JWT_AUDIENCE: optionalStringVar('the audience bearer tokens must name', 'off'),
  API_KEY_CACHE_MS: intVar(
    10_000,
    'how long a gateway replica trusts a looked-up key (revocation reaches other replicas within it)',
  ),
  ...attachmentsEnv,
});
export type GatewayConfig = z.output<typeof gatewayEnv>;

/** The gateway's configuration, read from process.env once (main.ts reads it first, so a wrong value stops it). */
export const gatewayConfig = configLoader(gatewayEnv);
