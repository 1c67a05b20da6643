import { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import type { Request } from 'express';
import { Actor, ForbiddenError, INTERNAL_PREFIX, InternalRoute, problem, ServiceName } from '@pressconf/contracts';
import { RequestContexts } from '../context/request-context';
import { ProblemError } from '../http/problem-error';
import { ActorTokenRejected, VerifiedActor, verifyActorToken } from './actor-token';
import { INTERNAL_ROUTE } from './internal-endpoint';

/** Verified tokens, kept until they expire: the gateway reuses a token for many calls, and a check costs CPU. */
const CACHE_LIMIT = 1000;

/**
 * The service's own check of every internal call: a valid actor token for this service (401 otherwise) and a
 * role the route allows (403 otherwise). The gateway checks the same first; this check is what stands if anything
 * else reaches the port. Routes outside the internal API (health, metrics) are open, as probes need them.
 */
export class InternalAuthGuard implements CanActivate {
  private readonly verified = new Map<string, VerifiedActor>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: KeyObject,
    private readonly service: ServiceName,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const route = this.reflector.get<InternalRoute | undefined>(INTERNAL_ROUTE, context.getHandler());
    if (!route) {
      if (request.path.startsWith(`/${INTERNAL_PREFIX}/`)) throw new ForbiddenError('Not an internal API route');
      return true;
    }
    const actor = await this.actorOf(request.headers.authorization);
    if (!route.roles.includes(actor.role)) {
      throw new ForbiddenError(`The ${actor.role} role may not do this`);
    }
    request.actor = actor;
    const current = RequestContexts.current();
    if (current) current.actor = actor;
    return true;
  }

  private async actorOf(authorization: string | undefined): Promise<Actor> {
    const token = /^Bearer ([\w-]+\.[\w-]*\.[\w-]*)$/.exec(authorization ?? '')?.[1];
    if (!token) throw unauthorized('The call carries no actor token.');
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > now) return cached.actor;
    try {
      const verified = await verifyActorToken(token, this.service, this.key);
      if (this.verified.size >= CACHE_LIMIT) this.evictExpired(now);
      this.verified.set(token, verified);
      return verified.actor;
    } catch (error) {
      const reason = error instanceof ActorTokenRejected ? error.message : 'is invalid';
      throw unauthorized(`The actor token ${reason}.`);
    }
  }

  private evictExpired(now: number): void {
    for (const [token, entry] of this.verified) if (entry.expiresAt <= now) this.verified.delete(token);
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
  }
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError(problem(401, detail));
}
