import { ServiceName } from '@pressconf/contracts';
import { GatewayConfig, gatewayConfig } from '../config';

export interface ServiceClientSettings {
  /** GATEWAY_RPC_TIMEOUT_MS: a service that has not answered by then is a 504. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Connections kept open to each service (GATEWAY_SERVICE_CONNECTIONS). */
  connections: number;
  /** Tries of a safe read (GET) when the service cannot be reached; changes are tried once. */
  readAttempts: number;
  retryDelayMs: number;
  retryAfterSeconds: number;
}

export function serviceClientSettings(
  config: Pick<GatewayConfig, 'GATEWAY_RPC_TIMEOUT_MS' | 'GATEWAY_SERVICE_CONNECTIONS'> = gatewayConfig(),
): ServiceClientSettings {
  return {
    timeoutMs: config.GATEWAY_RPC_TIMEOUT_MS,
    connectTimeoutMs: 2_000,
    connections: config.GATEWAY_SERVICE_CONNECTIONS,
    readAttempts: 3,
    retryDelayMs: 100,
    retryAfterSeconds: 5,
  };
}

/** SCHEDULING_URL, SUBMISSIONS_URL, NOTIFICATIONS_URL: where each service's internal API answers. */
export function serviceUrls(config: GatewayConfig = gatewayConfig()): Record<ServiceName, string> {
  return {
    scheduling: config.SCHEDULING_URL ?? `http://127.0.0.1:${config.SCHEDULING_PORT}`,
    submissions: config.SUBMISSIONS_URL ?? `http://127.0.0.1:${config.SUBMISSIONS_PORT}`,
    notifications: config.NOTIFICATIONS_URL ?? `http://127.0.0.1:${config.NOTIFICATIONS_PORT}`,
  };
}
