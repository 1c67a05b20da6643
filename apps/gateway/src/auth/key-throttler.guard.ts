import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Actor } from '@pressconf/contracts';
import { tooManyRequests } from './auth-failures';
import { clientAddress } from './client-address';

/**
 * Applies the limits of gatewayThrottlers; for `default` the caller is the API key or token subject when
 * authenticated (ActorGuard runs first), else the client address. Over a limit: a 429 problem with Retry-After.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = request.actor as Actor | undefined;
    return Promise.resolve(actor ? actor.subject : `ip:${clientAddress(request)}`);
  }

  protected override throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooManyRequests('Too many requests: wait before sending more.', detail.timeToBlockExpire);
  }
}
