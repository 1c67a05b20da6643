import {
  AgencyRole,
  ConferenceKind,
  ConferenceKinds,
  ConferenceStatus,
  HostData,
  hostRolesFor,
} from '@pressconf/contracts';

/** What decides whether a host agency may see a conference. */
export interface HostedConference {
  kind: ConferenceKind;
  status: ConferenceStatus;
  hosts: Pick<HostData, 'agencyId'>[];
}

/**
 * A host reads the conferences its agency hosts (README, "Who sees what"): once called, those whose recorded hosts
 * name it; a draft has no hosts yet (they are resolved at the call), so those of a kind whose host roles the agency
 * holds now, as the call would name it.
 */
export function hostsConference(agencyId: string, rolesNow: AgencyRole[], conference: HostedConference): boolean {
  if (conference.status === 'DRAFT') return draftKindsHostedBy(rolesNow).includes(conference.kind);
  return conference.hosts.some((host) => host.agencyId === agencyId);
}

/** The kinds of conference an agency holding these roles now would host if called now. */
export function draftKindsHostedBy(rolesNow: AgencyRole[]): ConferenceKind[] {
  return ConferenceKinds.filter((kind) => hostRolesFor(kind).some((role) => rolesNow.includes(role)));
}
