import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '@pressconf/contracts';

/** Rate limits per caller: the API key or token subject when authenticated, else the client address. */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = request.actor as Actor | undefined;
    const ip = typeof request.ip === 'string' ? request.ip : 'unknown';
    return Promise.resolve(actor ? actor.subject : `ip:${ip}`);
  }
}
