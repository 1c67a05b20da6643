import { BriefRequestStatus, DomainRuleError, StateConflictError } from '@pressconf/contracts';

/** What can happen to a brief request. */
export type BriefRequestAction =
  | 'SAVE_VERSION'
  | 'ADD_ATTACHMENT'
  | 'SUBMIT'
  | 'ACCEPT'
  | 'RETURN'
  | 'DECLARE_NOTHING_TO_REPORT'
  | 'NOMINATE'
  | 'MARK_OVERDUE'
  | 'MOVE_DUE_TIME'
  | 'CLOSE_FOR_CANCELLATION'
  | 'CLOSE_FOR_WITHDRAWAL'
  | 'REOPEN_FOR_INVITATION';

/**
 * The life of a brief request. An agency drafts (OPEN, or OVERDUE once the due time passed, or RETURNED after
 * a review), submits, and the coordinator accepts or returns; a returned brief is revised and submitted again.
 * While it is under review (SUBMITTED) nothing changes but the review; ACCEPTED and CLOSED are final, except that
 * a request closed because the agency was removed from the invitees opens again when it is invited again.
 */
const TRANSITIONS: Record<BriefRequestAction, Partial<Record<BriefRequestStatus, BriefRequestStatus>>> = {
  SAVE_VERSION: { OPEN: 'OPEN', OVERDUE: 'OVERDUE', RETURNED: 'RETURNED' },
  ADD_ATTACHMENT: { OPEN: 'OPEN', OVERDUE: 'OVERDUE', RETURNED: 'RETURNED' },
  SUBMIT: { OPEN: 'SUBMITTED', OVERDUE: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  ACCEPT: { SUBMITTED: 'ACCEPTED' },
  RETURN: { SUBMITTED: 'RETURNED' },
  DECLARE_NOTHING_TO_REPORT: { OPEN: 'CLOSED', OVERDUE: 'CLOSED', RETURNED: 'CLOSED' },
  // Who attends and speaks can change until the request is closed, even after acceptance.
  NOMINATE: { OPEN: 'OPEN', OVERDUE: 'OVERDUE', RETURNED: 'RETURNED', SUBMITTED: 'SUBMITTED', ACCEPTED: 'ACCEPTED' },
  // Only a request with nothing submitted yet can fall overdue; a returned one already reached the coordinator.
  MARK_OVERDUE: { OPEN: 'OVERDUE' },
  MOVE_DUE_TIME: { OPEN: 'OPEN', OVERDUE: 'OVERDUE', RETURNED: 'RETURNED' },
  CLOSE_FOR_CANCELLATION: { OPEN: 'CLOSED', OVERDUE: 'CLOSED', RETURNED: 'CLOSED', SUBMITTED: 'CLOSED' },
  // A submitted brief stays under review when its agency is removed: it was delivered, the coordinator decides.
  CLOSE_FOR_WITHDRAWAL: { OPEN: 'CLOSED', OVERDUE: 'CLOSED', RETURNED: 'CLOSED' },
  REOPEN_FOR_INVITATION: { CLOSED: 'OPEN' },
};

const DESCRIPTIONS: Record<BriefRequestAction, string> = {
  SAVE_VERSION: 'save a new version of the brief',
  ADD_ATTACHMENT: 'attach a file to the brief',
  SUBMIT: 'submit the brief',
  ACCEPT: 'accept the brief',
  RETURN: 'return the brief',
  DECLARE_NOTHING_TO_REPORT: 'declare nothing to report',
  NOMINATE: 'nominate representatives',
  MARK_OVERDUE: 'mark the request overdue',
  MOVE_DUE_TIME: 'move the due time',
  CLOSE_FOR_CANCELLATION: 'close the request',
  CLOSE_FOR_WITHDRAWAL: 'close the request',
  REOPEN_FOR_INVITATION: 'reopen the request',
};

/** The status after `action`; a 409 naming the current status when the action is not allowed in it. */
export function apply(status: BriefRequestStatus, action: BriefRequestAction): BriefRequestStatus {
  const next = TRANSITIONS[action][status];
  if (!next) {
    throw new StateConflictError(`Cannot ${DESCRIPTIONS[action]}: the brief request is ${status}`, status);
  }
  return next;
}

/** A moved due time that lies ahead again gives an overdue agency its time back. */
export function afterDueTimeMoved(status: BriefRequestStatus, dueAt: Date, now: Date): BriefRequestStatus {
  apply(status, 'MOVE_DUE_TIME');
  return status === 'OVERDUE' && dueAt.getTime() > now.getTime() ? 'OPEN' : status;
}

/**
 * Submitting needs a saved brief; resubmitting after a return needs a revision (a version newer than the one
 * returned); and when the agency names the version it means, it must still be the latest.
 */
export function submit<B extends { currentVersion: number }>(
  status: BriefRequestStatus,
  brief: B | undefined,
  options: { lastReturnedVersion?: number; expectedVersion?: number } = {},
): { status: BriefRequestStatus; brief: B } {
  const next = apply(status, 'SUBMIT');
  if (!brief) throw new DomainRuleError('There is no brief to submit: save a first version of it', 'brief-required');
  const { lastReturnedVersion, expectedVersion } = options;
  if (expectedVersion !== undefined && expectedVersion !== brief.currentVersion) {
    throw new StateConflictError(
      `Version ${expectedVersion} is not the latest: version ${brief.currentVersion} was saved since`,
      status,
    );
  }
  if (lastReturnedVersion !== undefined && brief.currentVersion <= lastReturnedVersion) {
    throw new DomainRuleError(
      `Version ${lastReturnedVersion} was returned for revision: save a revised version before submitting again`,
      'revision-required',
    );
  }
  return { status: next, brief };
}
