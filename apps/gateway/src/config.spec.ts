import { loadConfig } from '@pressconf/messaging';
import { gatewayEnv } from './config';
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
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(gatewayEnv, { [variable]: value })).toThrow(
      new RegExp(`Invalid configuration: ${variable}: `),
    );
  });
});
