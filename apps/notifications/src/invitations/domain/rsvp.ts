import { ConferenceStatus, RsvpDto, RsvpState, StateConflictError, ValidationFailedError } from '@pressconf/contracts';

export interface AnsweredConference {
  status: ConferenceStatus;
  startsAt: Date;
}

export interface Answer {
  rsvp: RsvpState;
  delegateName: string | null;
  delegateTitle: string | null;
}

/**
 * An answer may be given or changed while the conference is still to be held, up to its start, and while the
 * invitation stands (it is withdrawn when the invitee's agency is removed after the call).
 */
export function canChangeAnswer(conference: AnsweredConference, now: Date, withdrawn = false): boolean {
  return (
    !withdrawn && (conference.status === 'CALLED' || conference.status === 'RESCHEDULED') && now < conference.startsAt
  );
}

/**
 * The invitee's new answer, or a 409 when the conference was cancelled, was held or has started, or when the
 * invitation was withdrawn. A delegate is named with a title; other answers carry none (the contract class checks
 * the same on the way in).
 */
export function decideAnswer(conference: AnsweredConference, dto: RsvpDto, now: Date, withdrawn = false): Answer {
  if (conference.status === 'CANCELLED') {
    throw new StateConflictError('The conference was cancelled: there is nothing to answer', conference.status);
  }
  if (withdrawn) {
    throw new StateConflictError('The invitation was withdrawn: there is nothing to answer', conference.status);
  }
  if (!canChangeAnswer(conference, now)) {
    throw new StateConflictError(
      `The conference started at ${conference.startsAt.toISOString()}: the answer can no longer be changed`,
      conference.status,
    );
  }
  if (dto.response !== 'DELEGATE') return { rsvp: dto.response, delegateName: null, delegateTitle: null };
  const delegateName = dto.delegateName?.trim();
  const delegateTitle = dto.delegateTitle?.trim();
  const missing = [
    ...(delegateName ? [] : [{ field: 'delegateName', message: 'delegateName is required with DELEGATE' }]),
    ...(delegateTitle ? [] : [{ field: 'delegateTitle', message: 'delegateTitle is required with DELEGATE' }]),
  ];
  if (missing.length) throw new ValidationFailedError(missing);
  return { rsvp: 'DELEGATE', delegateName: delegateName!, delegateTitle: delegateTitle! };
}

/** Giving the same answer again changes nothing and announces nothing. */
export function sameAnswer(a: Answer, b: Answer): boolean {
  return a.rsvp === b.rsvp && a.delegateName === b.delegateName && a.delegateTitle === b.delegateTitle;
}
