import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { Actor, problem, Role } from '@pressconf/contracts';
import { RequestContexts } from '@pressconf/messaging';
import { ProblemError } from '../bus/service-bus';

const ROLES = 'roles';
const PUBLIC = 'public';

/** Which roles may call a route (API.md, the "who" column). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** A route open to anyone (health, docs, RSVP by token). */
export const Public = () => SetMetadata(PUBLIC, true);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** Resolves who is calling from `X-API-Key` and checks the route's roles: 401 without credentials, 403 without the role. */
@Injectable()
export class ActorGuard implements CanActivate {
  private readonly adminKey = process.env.GATEWAY_ADMIN_API_KEY ?? '';

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const actor = this.authenticate(request.headers['x-api-key']);
    if (!actor) throw new ProblemError(problem(401, 'Send a valid API key in the X-API-Key header.'));
    request.actor = actor;
    const context_ = RequestContexts.current();
    if (context_) context_.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets) ?? [];
    if (roles.length > 0 && !roles.includes(actor.role)) {
      throw new ProblemError(problem(403, `This operation needs one of the roles: ${roles.join(', ')}.`));
    }
    return true;
  }

  private authenticate(key: string | undefined): Actor | undefined {
    if (!key || !this.adminKey) return undefined;
    const given = Buffer.from(key);
    const expected = Buffer.from(this.adminKey);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      return { role: 'admin', subject: 'bootstrap-admin' };
    }
    return undefined;
  }
}
