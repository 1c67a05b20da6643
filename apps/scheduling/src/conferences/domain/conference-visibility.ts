import type {
  Actor,
  ConferenceStatus,
  ConferenceView,
  ParticipantView,
  PublicConferenceView,
  PublicParticipantView,
  Role,
} from '@pressconf/contracts';
import { ConferenceStatuses } from '@pressconf/contracts';

/**
 * Who sees what of a conference (README, "Who sees what"). The organisers plan in DRAFT and reach everyone invited:
 * they see every conference and every participant's address. The agencies see a conference once it is called
 * and, as fellow participants, who else is invited and how to reach them. The press and read-only clients see
 * called conferences and who takes part, but no one's e-mail address. A host sees only the conferences its agency
 * hosts (host-scope.ts); the others do not exist for it.
 */
const SEE_DRAFTS: ReadonlySet<Role> = new Set(['admin', 'coordinator', 'host']);
const SEE_CONTACTS: ReadonlySet<Role> = new Set(['admin', 'coordinator', 'host', 'agency']);

export function seesDrafts(actor: Actor): boolean {
  return SEE_DRAFTS.has(actor.role);
}

export function seesParticipantContacts(actor: Actor): boolean {
  return SEE_CONTACTS.has(actor.role);
}

/** A conference the actor may not see does not exist for it (404), as another agency's brief does not. */
export function canSeeConference(actor: Actor, status: ConferenceStatus): boolean {
  return status !== 'DRAFT' || seesDrafts(actor);
}

/** The statuses a list is narrowed to for the actor; undefined when it sees them all. */
export function visibleStatuses(actor: Actor): ConferenceStatus[] | undefined {
  return seesDrafts(actor) ? undefined : ConferenceStatuses.filter((s) => canSeeConference(actor, s));
}

export function withoutContact(participant: ParticipantView): PublicParticipantView {
  const { email, ...rest } = participant;
  return rest;
}

/** The conference as the actor may see it; the caller has checked canSeeConference (and, for a host, its scope). */
export function conferenceFor(actor: Actor, view: ConferenceView): ConferenceView | PublicConferenceView {
  if (seesParticipantContacts(actor)) return view;
  return {
    ...view,
    participants: view.participants.map(withoutContact),
    hosts: view.hosts.map(({ email, ...host }) => host),
  };
}
