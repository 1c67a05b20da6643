import { ConferenceStatus, StateConflictError } from '@pressconf/contracts';

export type ConferenceAction = 'call' | 'reschedule' | 'cancel' | 'complete';

/**
 * DRAFT → CALLED → (RESCHEDULED)* → COMPLETED, and CANCELLED from any open state. A draft has not been announced,
 * so it cannot be rescheduled or completed: it is edited, called or cancelled.
 */
const TRANSITIONS: Readonly<Record<ConferenceStatus, Partial<Record<ConferenceAction, ConferenceStatus>>>> = {
  DRAFT: { call: 'CALLED', cancel: 'CANCELLED' },
  CALLED: { reschedule: 'RESCHEDULED', cancel: 'CANCELLED', complete: 'COMPLETED' },
  RESCHEDULED: { reschedule: 'RESCHEDULED', cancel: 'CANCELLED', complete: 'COMPLETED' },
  COMPLETED: {},
  CANCELLED: {},
};

export function nextStatus(current: ConferenceStatus, action: ConferenceAction): ConferenceStatus {
  const next = TRANSITIONS[current][action];
  if (!next) throw new StateConflictError(`Cannot ${action} a conference that is ${current}`, current);
  return next;
}

/** What can be prepared on a conference besides its lifecycle. */
export type ConferenceChange = 'invitees' | 'agenda' | 'co-host request';

/**
 * The invitation list, the agenda and the record of the co-host request can be changed until the conference is
 * held or cancelled; after the call, changes of the list and of the agenda are announced (see `isAnnounced`).
 */
const CHANGEABLE_IN: Readonly<Record<ConferenceChange, readonly ConferenceStatus[]>> = {
  invitees: ['DRAFT', 'CALLED', 'RESCHEDULED'],
  agenda: ['DRAFT', 'CALLED', 'RESCHEDULED'],
  'co-host request': ['DRAFT', 'CALLED', 'RESCHEDULED'],
};

/** Called and still to be held: the invitees know the conference, so what changes must reach them. */
export function isAnnounced(status: ConferenceStatus): boolean {
  return status === 'CALLED' || status === 'RESCHEDULED';
}

export function assertCanChange(current: ConferenceStatus, change: ConferenceChange): void {
  if (!CHANGEABLE_IN[change].includes(current)) {
    throw new StateConflictError(`Cannot change the ${change} of a conference that is ${current}`, current);
  }
}
