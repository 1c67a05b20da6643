import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@pressconf/messaging';
import { docsMode, gatewayEnv, WELL_KNOWN_ADMIN_KEYS } from './config';
import { serviceUrls } from './services/service-settings';

describe('gateway configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(gatewayEnv, {})).toMatchObject({
      GATEWAY_PORT: 3000,
      GATEWAY_SERVICE_CONNECTIONS: 64,
      GATEWAY_RPC_TIMEOUT_MS: 10_000,
      GATEWAY_BODY_LIMIT: '1mb',
      GATEWAY_CORS_ORIGINS: [],
      IDEMPOTENCY_RETENTION_HOURS: 24,
      GATEWAY_RATE_LIMIT: 600,
      GATEWAY_RATE_WINDOW_MS: 60_000,
      GATEWAY_AUTH_FAILURE_LIMIT: 30,
      GATEWAY_RSVP_ADDRESS_RATE_LIMIT: 300,
      GATEWAY_RSVP_TOKEN_RATE_LIMIT: 60,
      GATEWAY_TRUST_PROXY: 0,
      IDEMPOTENCY_SWEEP_INTERVAL_MS: 3_600_000,
      GATEWAY_JWT_ALGORITHMS: ['RS256', 'ES256', 'PS256', 'EdDSA'],
      GATEWAY_JWT_ROLE_CLAIM: 'role',
      API_KEY_CACHE_MS: 10_000,
      ATTACHMENT_MAX_BYTES: 10 * 1024 * 1024,
    });
  });

  it('finds each service on its port unless told where', () => {
    expect(
      serviceUrls(loadConfig(gatewayEnv, { SUBMISSIONS_PORT: '4102', NOTIFICATIONS_URL: 'http://mail:80' })),
    ).toEqual({
      scheduling: 'http://127.0.0.1:3101',
      submissions: 'http://127.0.0.1:4102',
      notifications: 'http://mail:80',
    });
  });

  it.each([
    ['GATEWAY_PORT', '70000'],
    ['GATEWAY_RATE_LIMIT', 'many'],
    ['GATEWAY_JWT_JWKS_URL', 'not a url'],
    ['SCHEDULING_URL', 'ftp://scheduling'],
    ['GATEWAY_TRUST_PROXY', '-1'],
    ['GATEWAY_DOCS', 'private'],
    ['GATEWAY_JWT_ALGORITHMS', 'ES256,HS256'],
    ['GATEWAY_JWT_ALGORITHMS', 'none'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(gatewayEnv, { [variable]: value })).toThrow(
      new RegExp(`Invalid configuration: ${variable}(\\.\\d+)?: `),
    );
  });

  it('requires an audience with an issuer of bearer tokens', () => {
    const jwt = { GATEWAY_JWT_ISSUER: 'https://sso.example', GATEWAY_JWT_JWKS_URL: 'https://sso.example/jwks' };
    expect(() => loadConfig(gatewayEnv, jwt)).toThrow(/GATEWAY_JWT_AUDIENCE: required with GATEWAY_JWT_ISSUER/);
    expect(loadConfig(gatewayEnv, { ...jwt, GATEWAY_JWT_AUDIENCE: 'pressconf' }).GATEWAY_JWT_AUDIENCE).toBe(
      'pressconf',
    );
  });

  describe('the bootstrap admin key in production', () => {
    const production = (key?: string) => () =>
      loadConfig(gatewayEnv, { NODE_ENV: 'production', ...(key === undefined ? {} : { GATEWAY_ADMIN_API_KEY: key }) });

    it('refuses a missing, a short or a published key, naming the variable', () => {
      expect(production()).toThrow(/GATEWAY_ADMIN_API_KEY: required with NODE_ENV=production/);
      expect(production('')).toThrow(/GATEWAY_ADMIN_API_KEY: required/);
      expect(production('pk_admin_' + 'x'.repeat(22))).toThrow(/GATEWAY_ADMIN_API_KEY: too short .*31 characters/);
      for (const key of WELL_KNOWN_ADMIN_KEYS)
        expect(production(key)).toThrow(/GATEWAY_ADMIN_API_KEY: this key is published/);
    });

    it('knows every default admin key written in the repository', () => {
      const root = join(__dirname, '../../..');
      const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
      const devOverlay = readFileSync(join(root, 'k8s/overlays/dev/kustomization.yaml'), 'utf8');
      const defaults = [
        ...[...compose.matchAll(/GATEWAY_ADMIN_API_KEY:-([^}]+)\}/g)].map((m) => m[1]),
        ...[...devOverlay.matchAll(/GATEWAY_ADMIN_API_KEY=(\S+)/g)].map((m) => m[1]),
      ];
      expect(defaults.length).toBeGreaterThanOrEqual(2);
      for (const key of defaults) expect(WELL_KNOWN_ADMIN_KEYS).toContain(key);
    });

    it('accepts a long random key, and any key outside production', () => {
      expect(production('pk_admin_' + 'k7Qm2'.repeat(7))).not.toThrow();
      expect(() => loadConfig(gatewayEnv, { GATEWAY_ADMIN_API_KEY: WELL_KNOWN_ADMIN_KEYS[0] })).not.toThrow();
      expect(() => loadConfig(gatewayEnv, { NODE_ENV: 'development' })).not.toThrow();
    });
  });

  it('publishes the docs by default outside production only', () => {
    const docs = (env: Record<string, string>) => docsMode(loadConfig(gatewayEnv, env));
    const strongKey = { GATEWAY_ADMIN_API_KEY: 'x'.repeat(40) };
    expect(docs({})).toBe('public');
    expect(docs({ NODE_ENV: 'production', ...strongKey })).toBe('authenticated');
    expect(docs({ NODE_ENV: 'production', GATEWAY_DOCS: 'public', ...strongKey })).toBe('public');
    expect(docs({ GATEWAY_DOCS: 'off' })).toBe('off');
  });
});
