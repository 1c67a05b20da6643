import { normalizeIp } from '@nestjs/throttler';

/**
 * Who is calling, as far as limits go: the address Express derived from the socket and the trusted proxy hops
 * (GATEWAY_TRUST_PROXY; main.ts sets `trust proxy`), an IPv6 address by its /64 like the throttler does.
 */
export function clientAddress(request: { ip?: unknown }): string {
  return typeof request.ip === 'string' && request.ip ? normalizeIp(request.ip) : 'unknown';
}
