import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { ACTOR_TOKEN_TTL_SECONDS, Actor, ServiceName } from '@pressconf/contracts';
import { actorTokenPrivateKey, signActorToken } from '@pressconf/messaging';

/** A token is reused for half its life, so that a busy caller costs one signature per half minute, not per call. */
const REUSE_MS = (ACTOR_TOKEN_TTL_SECONDS * 1000) / 2;
const CACHE_LIMIT = 1000;

/** Signs the actor tokens the services check (see libs/messaging `actor-token.ts`), one per actor and service. */
@Injectable()
export class ActorTokens {
  private readonly key: KeyObject = actorTokenPrivateKey();
  private readonly cache = new Map<string, { token: Promise<string>; renewAt: number }>();

  for(actor: Actor, service: ServiceName): Promise<string> {
    const id = `${service} ${actor.role} ${actor.subject} ${actor.agencyId ?? ''}`;
    const now = Date.now();
    const cached = this.cache.get(id);
    if (cached && cached.renewAt > now) return cached.token;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    const token = signActorToken(actor, service, this.key);
    this.cache.set(id, { token, renewAt: now + REUSE_MS });
    token.catch(() => this.cache.delete(id));
    return token;
  }
}
