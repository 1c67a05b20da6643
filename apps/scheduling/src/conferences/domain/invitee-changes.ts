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
