import type { BriefRequestClosedReason, BriefRequestStatus } from '@pressconf/contracts';

/** What the rule needs of an invitee added or removed after the call. */
export interface ChangedInvitee {
  agencyId: string;
  agencyName: string;
  mustBrief: boolean;
}

/** What the rule needs of a brief request the conference already has. */
export interface ExistingRequest {
  id: string;
  agencyId: string;
  status: BriefRequestStatus;
  closedReason: BriefRequestClosedReason | null;
}

export interface BriefRequestChanges {
  /** Agencies asked for a brief for the first time on this conference. */
  open: Array<{ agencyId: string; agencyName: string }>;
  /** Requests closed when their agency was removed, whose agency is invited again. */
  reopen: string[];
  /** Requests still owed by an agency that is no longer invited. */
  close: string[];
}

/** Statuses in which an agency still owes its brief. */
const OWED: readonly BriefRequestStatus[] = ['OPEN', 'RETURNED', 'OVERDUE'];

/**
 * What invitees added or removed after the call do to the written briefs. An added agency that must brief is asked
 * once, however many of its contacts are added, unless it already has a request: that one stands (a brief under
 * review or accepted, or its own "nothing to report"), except one closed by an earlier removal, which opens again.
 * An agency removed (no invitee of it left: scheduling withdraws all of an agency's invitees at once) owes nothing
 * any more; a brief it already submitted or had accepted stays as it is.
 */
export function briefRequestChanges(
  change: { added: readonly ChangedInvitee[]; removed: ReadonlyArray<Pick<ChangedInvitee, 'agencyId'>> },
  existing: readonly ExistingRequest[],
): BriefRequestChanges {
  const requestOf = new Map(existing.map((request) => [request.agencyId, request]));
  const mustBrief = new Map<string, string>();
  for (const invitee of change.added) if (invitee.mustBrief) mustBrief.set(invitee.agencyId, invitee.agencyName);
  const stillInvited = new Set(change.added.map((invitee) => invitee.agencyId));
  const removed = new Set(change.removed.map((invitee) => invitee.agencyId).filter((id) => !stillInvited.has(id)));

  const result: BriefRequestChanges = { open: [], reopen: [], close: [] };
  for (const [agencyId, agencyName] of mustBrief) {
    const request = requestOf.get(agencyId);
    if (!request) result.open.push({ agencyId, agencyName });
    else if (request.status === 'CLOSED' && request.closedReason === 'INVITATION_WITHDRAWN')
      result.reopen.push(request.id);
  }
  for (const agencyId of removed) {
    const request = requestOf.get(agencyId);
    if (request && OWED.includes(request.status)) result.close.push(request.id);
  }
  return result;
}
