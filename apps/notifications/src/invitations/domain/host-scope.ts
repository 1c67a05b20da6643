import type { Actor, HostData } from '@pressconf/contracts';

/**
 * A host reads what its conferences hold (README, "Who sees what"): the conferences whose hosts, as the call named
 * them, include its agency. Every other role that reaches the route is not narrowed here.
 */
export function readsConference(actor: Actor, hosts: Pick<HostData, 'agencyId'>[]): boolean {
  if (actor.role !== 'host') return true;
  return !!actor.agencyId && hosts.some((host) => host.agencyId === actor.agencyId);
}

/** The JSON a conference's `hosts` contains when the host actor's agency is among them (`hosts @> …`). */
export function hostedByPattern(actor: Actor): string {
  return JSON.stringify([{ agencyId: actor.agencyId ?? '' }]);
}
