import { Actor, ForbiddenError, NotFoundError } from '@pressconf/contracts';

/**
 * Object-level access to brief requests and briefs, enforced in the service whatever the gateway let through:
 * the coordinator and the admin see and change everything; hosts read everything of the conferences their agency
 * hosts (assertHostReads); an agency sees and changes
 * only its own agency's — another agency's request or brief does not exist for it (404, not 403, so that ids
 * cannot be probed); the press and read-only clients have no access to briefs before the pack.
 */
export interface Owned {
  agencyId: string;
}

const STAFF = new Set(['admin', 'coordinator']);
const READERS = new Set(['admin', 'coordinator', 'host']);

function isOwnAgency(actor: Actor, owned: Owned): boolean {
  return actor.role === 'agency' && !!actor.agencyId && actor.agencyId === owned.agencyId;
}

/** Reading a request or its brief. `what` and `id` name the object in the 404. */
export function assertCanRead(actor: Actor, owned: Owned, what: string, id: string): void {
  if (READERS.has(actor.role) || isOwnAgency(actor, owned)) return;
  if (actor.role === 'agency') throw new NotFoundError(what, id);
  throw new ForbiddenError(`The ${actor.role} role cannot read briefs`);
}

/** Writing a brief, attaching files, nominating, declaring nothing to report, submitting. */
export function assertCanAct(actor: Actor, owned: Owned, what: string, id: string): void {
  if (STAFF.has(actor.role) || isOwnAgency(actor, owned)) return;
  if (actor.role === 'agency') throw new NotFoundError(what, id);
  throw new ForbiddenError(`The ${actor.role} role cannot change briefs`);
}

/** Reviewing is the coordinator's (and the admin's). */
export function assertCanReview(actor: Actor): void {
  if (!STAFF.has(actor.role)) throw new ForbiddenError('Only the coordinator reviews briefs');
}

/** The agency a list is narrowed to: its own for an agency actor, none (everything) for the others. */
export function agencyScope(actor: Actor): { agencyId?: string } {
  if (actor.role !== 'agency') return {};
  // An agency key without its agency sees nothing rather than everything.
  return { agencyId: actor.agencyId ?? '00000000-0000-0000-0000-000000000000' };
}

/**
 * A host reads what the conferences its agency hosts hold (their hosts as the call named them): anything of another
 * conference does not exist for it (404). Other roles are not narrowed here.
 */
export function assertHostReads(
  actor: Actor,
  hosts: ReadonlyArray<{ agencyId: string }>,
  what: string,
  id: string,
): void {
  if (actor.role !== 'host') return;
  if (!actor.agencyId || !hosts.some((host) => host.agencyId === actor.agencyId)) throw new NotFoundError(what, id);
}
