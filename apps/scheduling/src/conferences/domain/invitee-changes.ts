import { DomainRuleError } from '@pressconf/contracts';

/** An administrator's changes to the plan's invitation list (BRIEF.md: "An admin can add or remove an invitee"). */
export interface InviteeChanges {
  added: string[];
  removed: string[];
}

/** Undoes a removal, and adds the agency in case the plan would leave it out; adding twice changes nothing. */
export function withInviteeAdded(changes: InviteeChanges, agencyId: string): InviteeChanges {
  return {
    added: changes.added.includes(agencyId) ? changes.added : [...changes.added, agencyId],
    removed: changes.removed.filter((id) => id !== agencyId),
  };
}

/** Undoes an addition, and removes the agency even when the plan would invite it; removing twice changes nothing. */
export function withInviteeRemoved(changes: InviteeChanges, agencyId: string): InviteeChanges {
  return {
    added: changes.added.filter((id) => id !== agencyId),
    removed: changes.removed.includes(agencyId) ? changes.removed : [...changes.removed, agencyId],
  };
}

/** One contact of one agency invited by the call (or by a later addition). */
export interface CalledInvitee {
  agencyId: string;
  email: string;
}

/**
 * After the call, adding an agency invites only its contacts the plan resolves now that are not invited yet; the
 * other invitees hear nothing of it. An agency none of whose contacts can be reached is refused (422): adding it
 * would tell nobody.
 */
export function invitedByAdding<P extends CalledInvitee>(
  agencyId: string,
  current: readonly CalledInvitee[],
  resolved: { participants: readonly P[]; unreachable: ReadonlyArray<{ agencyId: string; reason: string }> },
): P[] {
  const invited = new Set(current.filter((c) => c.agencyId === agencyId).map((c) => c.email.toLowerCase()));
  const contacts = resolved.participants.filter((p) => p.agencyId === agencyId);
  if (contacts.length === 0 && invited.size === 0) {
    const why = resolved.unreachable.find((u) => u.agencyId === agencyId)?.reason ?? 'the plan finds no contact';
    throw new DomainRuleError(`The agency cannot be invited: ${why}`, 'invitee-reachable');
  }
  return contacts.filter((p) => !invited.has(p.email.toLowerCase()));
}

/** After the call, removing an agency withdraws the invitation of each of its invited contacts, and no other. */
export function withdrawnByRemoving<I extends CalledInvitee>(agencyId: string, current: readonly I[]): I[] {
  return current.filter((c) => c.agencyId === agencyId);
}
