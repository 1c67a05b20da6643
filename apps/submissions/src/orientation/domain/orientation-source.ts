import { Actor, ForbiddenError, isStaff, NotFoundError, OrientationSourceRoles } from '@pressconf/contracts';
import type { ConferenceHost } from '../../brief-requests/infrastructure/conference-projection.entity';

/** The body an orientation document comes from, as the pack names it. */
export type OrientationSource = Pick<ConferenceHost, 'agencyId' | 'agencyName'>;

/**
 * Who may add an orientation document to a conference, and from which body it then comes. The co-host gives the
 * orientation and the police (the human-rights standing office) prepare the thematic documents: a host agency of
 * the conference holding one of those roles adds its own. The coordinator adds documents on the hosts' behalf: they
 * come from the conference's coordinator agency (none when the call named no hosts). A host of another conference
 * finds none (404); a host of this one without those roles is refused (403).
 */
export function orientationSource(
  actor: Actor,
  conferenceId: string,
  hosts: ConferenceHost[],
): OrientationSource | null {
  if (isStaff(actor)) return pick(hosts.find((host) => host.roles.includes('COORDINATOR')) ?? null);
  if (actor.role !== 'host') throw new ForbiddenError('Only the coordinator and the hosts add orientation documents');
  const own = hosts.find((host) => host.agencyId === actor.agencyId);
  if (!own) throw new NotFoundError('Conference', conferenceId);
  if (!own.roles.some((role) => (OrientationSourceRoles as readonly string[]).includes(role))) {
    throw new ForbiddenError('Only the co-host and the human-rights standing office add orientation documents');
  }
  return pick(own);
}

function pick(host: ConferenceHost | null): OrientationSource | null {
  return host ? { agencyId: host.agencyId, agencyName: host.agencyName } : null;
}
