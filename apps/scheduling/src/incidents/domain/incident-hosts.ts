import type { AgencyRole, AgencyContactData } from '@pressconf/contracts';
import { AgencySnapshot, resolveParticipants } from '../../conferences/domain/participants';

/** The roles the plan calls hosts: they convene an extraordinary conference and hear when one is late. */
export const HOST_ROLES: readonly AgencyRole[] = ['CO_HOST', 'HUMAN_RIGHTS_STANDING_OFFICE', 'COORDINATOR'];

/**
 * Whom an incident's alert reaches: the contact of each host agency of the registry that a conference called now
 * would invite as its representative (the spokesperson, else the first contact with an address), by the same
 * rules as the invitations. Agencies of other roles, and host agencies with no address, reach no one.
 */
export function incidentHosts(agencies: AgencySnapshot[]): AgencyContactData[] {
  const hosts = agencies.filter((agency) => agency.roles.some((role) => HOST_ROLES.includes(role)));
  const { participants } = resolveParticipants({ kind: 'EXTRAORDINARY', topics: [], agencies: hosts });
  return participants
    .filter((participant) => HOST_ROLES.includes(participant.role))
    .map((participant) => ({
      agencyId: participant.agencyId,
      agencyName: participant.agencyName,
      role: participant.role,
      contactName: participant.contactName,
      ...(participant.contactTitle ? { contactTitle: participant.contactTitle } : {}),
      email: participant.email,
      locale: participant.locale,
    }));
}
