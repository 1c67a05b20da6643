import {
  applyDecorators,
  createParamDecorator,
  Delete,
  ExecutionContext,
  Get,
  Patch,
  Post,
  Put,
  SetMetadata,
} from '@nestjs/common';
import { Actor, HttpMethod, INTERNAL_PREFIX, InternalRoute } from '@pressconf/contracts';

export const INTERNAL_ROUTE = Symbol('INTERNAL_ROUTE');

const METHODS: Record<HttpMethod, (path: string) => MethodDecorator> = {
  GET: Get,
  POST: Post,
  PUT: Put,
  PATCH: Patch,
  DELETE: Delete,
};

/**
 * Serves one route of the internal API (libs/contracts `InternalApi`) with its method and path, behind the actor
 * token check and the route's roles (InternalAuthGuard). Controllers using it take no path of their own.
 */
export function InternalEndpoint(route: InternalRoute): MethodDecorator {
  return applyDecorators(METHODS[route.method](`${INTERNAL_PREFIX}/${route.path}`), SetMetadata(INTERNAL_ROUTE, route));
}

/** The actor the gateway named in the verified token. */
export const CallingActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
