import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, problem, Role } from '@pressconf/contracts';
import { RequestContexts } from '@pressconf/messaging';
import { ProblemError } from '@pressconf/messaging';
import { Authentication, BAD_CREDENTIALS, CallerRequest } from './authentication';

const ROLES = 'roles';
const PUBLIC = 'public';

/** Which roles may call a route (API.md, the "who" column). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** A route open to anyone (health, docs, RSVP by token). */
export const Public = () => SetMetadata(PUBLIC, true);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/**
 * Resolves who is calling (Authentication: `X-API-Key` or `Authorization: Bearer <JWT>`, failed attempts limited
 * per address) and checks the route's roles: 401 without valid credentials, 403 without the role. Object-level
 * rules (an agency's own briefs) are the services' to enforce, from the actor passed with each request.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: Authentication,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<CallerRequest & { actor?: Actor }>();
    const actor = await this.authentication.actorOf(request);
    if (!actor) throw new ProblemError(problem(401, BAD_CREDENTIALS));
    request.actor = actor;
    const current = RequestContexts.current();
    if (current) current.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets) ?? [];
    if (roles.length > 0 && !roles.includes(actor.role)) {
      throw new ProblemError(problem(403, `This operation needs one of the roles: ${roles.join(', ')}.`));
    }
    return true;
  }
}
