import { ServiceName } from '@pressconf/contracts';

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

export function serviceClientSettings(env: NodeJS.ProcessEnv = process.env): ServiceClientSettings {
  return {
    timeoutMs: Number(env.GATEWAY_RPC_TIMEOUT_MS ?? 10_000),
    connectTimeoutMs: 2_000,
    connections: Number(env.GATEWAY_SERVICE_CONNECTIONS ?? 64),
    readAttempts: 3,
    retryDelayMs: 100,
    retryAfterSeconds: 5,
  };
}

/** SCHEDULING_URL, SUBMISSIONS_URL, NOTIFICATIONS_URL: where each service's internal API answers. */
export function serviceUrls(env: NodeJS.ProcessEnv = process.env): Record<ServiceName, string> {
  return {
    scheduling: env.SCHEDULING_URL ?? `http://127.0.0.1:${env.SCHEDULING_PORT ?? 3101}`,
    submissions: env.SUBMISSIONS_URL ?? `http://127.0.0.1:${env.SUBMISSIONS_PORT ?? 3102}`,
    notifications: env.NOTIFICATIONS_URL ?? `http://127.0.0.1:${env.NOTIFICATIONS_PORT ?? 3103}`,
  };
}
