import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { GatewayConfig } from '../config';
import { clientAddress } from './client-address';

const INVITATION_TOKEN_ROUTE = 'invitation-token-route';
/** A route whose `:token` is an invitation's (RSVP by token, the invitee's page): limited per token and address. */
export const InvitationTokenRoute = () => SetMetadata(INVITATION_TOKEN_ROUTE, true);

const reflector = new Reflector();
const onTokenRoute = (context: ExecutionContext) =>
  reflector.getAllAndOverride<boolean>(INVITATION_TOKEN_ROUTE, [context.getHandler(), context.getClass()]) === true;
/** Counted across the routes of the group, not per route as the default throttler does. */
const acrossRoutes = (_: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;

type Limits = Pick<
  GatewayConfig,
  'GATEWAY_RATE_LIMIT' | 'GATEWAY_RATE_WINDOW_MS' | 'GATEWAY_RSVP_ADDRESS_RATE_LIMIT' | 'GATEWAY_RSVP_TOKEN_RATE_LIMIT'
>;

/**
 * The request limits (KeyThrottlerGuard applies them; failed authentication has its own, AuthFailures):
 * - `default`: per caller (key, token subject, else address) and route;
 * - `rsvp-address` and `rsvp-token`: the invitation routes, which anyone holding a link may call, per client
 *   address and per token across those routes, so that one link or one address cannot take the service for all.
 */
export function gatewayThrottlers(limits: Limits): ThrottlerOptions[] {
  const ttl = limits.GATEWAY_RATE_WINDOW_MS;
  return [
    { name: 'default', limit: limits.GATEWAY_RATE_LIMIT, ttl },
    {
      name: 'rsvp-address',
      limit: limits.GATEWAY_RSVP_ADDRESS_RATE_LIMIT,
      ttl,
      skipIf: (context) => !onTokenRoute(context),
      getTracker: (request) => clientAddress(request),
      generateKey: acrossRoutes,
      setHeaders: false,
    },
    {
      name: 'rsvp-token',
      limit: limits.GATEWAY_RSVP_TOKEN_RATE_LIMIT,
      ttl,
      skipIf: (context) => !onTokenRoute(context),
      // The token is a credential: the storage holds its hash only.
      getTracker: (request: { params?: { token?: unknown } }) => {
        const token = request.params?.token;
        return createHash('sha256')
          .update(typeof token === 'string' ? token : '')
          .digest('hex');
      },
      generateKey: acrossRoutes,
      setHeaders: false,
    },
  ];
}
