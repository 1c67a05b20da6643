import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import type { GatewayConfig } from '../config';

const THROTTLER = 'auth-failures';

/** The 429 of the limits, with the seconds to wait. */
export function tooManyRequests(detail: string, retryAfterSeconds: number): ProblemError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ProblemError(problem(429, detail), { 'Retry-After': String(seconds) });
}

/**
 * Failed authentications per client address (GATEWAY_AUTH_FAILURE_LIMIT per window), counted apart from the
 * per-caller limit of the requests that succeed, in the throttler's storage. Past the limit the address is
 * blocked until its window ends: every request of it that needs authentication is then a 429 before any key
 * lookup, a valid key's too (key guessing and credential stuffing cost nothing else).
 */
@Injectable()
export class AuthFailures {
  private readonly limit = this.config.get('GATEWAY_AUTH_FAILURE_LIMIT', { infer: true });
  private readonly windowMs = this.config.get('GATEWAY_RATE_WINDOW_MS', { infer: true });
  /** Blocked addresses and until when, so that a blocked one costs no storage round trip. */
  private readonly blocked = new Map<string, number>();

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  /** Throws the 429 while the address is blocked. */
  assertAllowed(address: string): void {
    const until = this.blocked.get(address);
    if (until === undefined) return;
    if (until > Date.now()) throw this.refusal(until);
    this.blocked.delete(address);
  }

  /** Counts one failure of the address; the one past the limit is already a 429. */
  async record(address: string): Promise<void> {
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      `${THROTTLER}:${address}`,
      this.windowMs,
      this.limit,
      this.windowMs,
      THROTTLER,
    );
    if (!isBlocked) return;
    const until = Date.now() + timeToBlockExpire * 1000;
    this.forgetExpired();
    this.blocked.set(address, until);
    throw this.refusal(until);
  }

  private refusal(until: number): ProblemError {
    return tooManyRequests(
      'Too many failed authentications from this address: wait before trying again.',
      (until - Date.now()) / 1000,
    );
  }

  private forgetExpired(): void {
    if (this.blocked.size < 10_000) return;
    const now = Date.now();
    for (const [address, until] of this.blocked) if (until <= now) this.blocked.delete(address);
  }
}
