import type { InvitationNotice } from '@pressconf/contracts';

/** A change of a called conference, as scheduling announces it. */
export type ConferenceChange =
  | { kind: 'rescheduled' }
  | { kind: 'cancelled' }
  | { kind: 'agenda-changed' }
  | { kind: 'invitees-changed'; added: readonly string[]; removed: readonly string[] };

/** An invitation as it stands before the change is applied. */
export interface InviteeState {
  invitationId: string;
  inviteeId: string;
  withdrawn: boolean;
}

export interface Notice {
  invitationId: string;
  kind: InvitationNotice;
}

/** Changes every current invitee hears of, each with its notice. */
const TO_EVERY_INVITEE: Record<Exclude<ConferenceChange['kind'], 'invitees-changed'>, InvitationNotice> = {
  rescheduled: 'INVITATION_UPDATED',
  cancelled: 'INVITATION_CANCELLED',
  'agenda-changed': 'INVITATION_AGENDA_CHANGED',
};

/**
 * Who is told what of a change: a new time, the cancellation or a new agenda reaches every invitee whose invitation
 * stands; a change of the invitation list only those concerned (an added invitee its invitation, a removed one the
 * notice that it is withdrawn). A withdrawn invitation hears of nothing more.
 */
export function noticesFor(change: ConferenceChange, invitees: readonly InviteeState[]): Notice[] {
  const current = invitees.filter((invitee) => !invitee.withdrawn);
  if (change.kind !== 'invitees-changed') {
    const kind = TO_EVERY_INVITEE[change.kind];
    return current.map(({ invitationId }) => ({ invitationId, kind }));
  }
  const added = new Set(change.added);
  const removed = new Set(change.removed);
  return current.flatMap(({ invitationId, inviteeId }): Notice[] => {
    if (added.has(inviteeId)) return [{ invitationId, kind: 'INVITATION' }];
    if (removed.has(inviteeId)) return [{ invitationId, kind: 'INVITATION_WITHDRAWN' }];
    return [];
  });
}
