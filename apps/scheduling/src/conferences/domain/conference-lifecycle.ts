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
 * The invitation list is settled by the call, so it changes only in DRAFT; the agenda and the record of the
 * co-host request can still be completed until the conference is held or cancelled.
 */
const CHANGEABLE_IN: Readonly<Record<ConferenceChange, readonly ConferenceStatus[]>> = {
  invitees: ['DRAFT'],
  agenda: ['DRAFT', 'CALLED', 'RESCHEDULED'],
  'co-host request': ['DRAFT', 'CALLED', 'RESCHEDULED'],
};

export function assertCanChange(current: ConferenceStatus, change: ConferenceChange): void {
  if (!CHANGEABLE_IN[change].includes(current)) {
    throw new StateConflictError(`Cannot change the ${change} of a conference that is ${current}`, current);
  }
}
