import { Actor, NotFoundError } from '@pressconf/contracts';

/** What an agency reports or offers: it belongs to that agency. */
export interface OwnedByAgency {
  agencyId: string;
}

/**
 * An agency sees only its own reports and offers: another's does not exist for it (404, so that ids cannot be
 * probed). The coordinator and admins see all (the routes admit no other role).
 */
export function assertVisibleTo(actor: Actor, owned: OwnedByAgency, what: string, id: string): void {
  if (actor.role === 'agency' && actor.agencyId !== owned.agencyId) throw new NotFoundError(what, id);
}

/** The agency a list is narrowed to: the actor's own for an agency (whatever it asked), else the one asked for. */
export function listScope(actor: Actor, asked?: string): { agencyId?: string } {
  // An agency key without its agency sees nothing rather than everything.
  if (actor.role === 'agency') return { agencyId: actor.agencyId ?? '00000000-0000-0000-0000-000000000000' };
  return asked ? { agencyId: asked } : {};
}
