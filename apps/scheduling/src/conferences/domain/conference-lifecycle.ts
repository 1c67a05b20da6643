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
