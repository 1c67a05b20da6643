import {
  ConferenceStatus,
  DomainRuleError,
  InformationOfferDecision,
  InformationOfferStatus,
  StateConflictError,
  ValidationFailedError,
} from '@pressconf/contracts';

const OUTCOME: Record<InformationOfferDecision, InformationOfferStatus> = {
  INCLUDE: 'INCLUDED',
  CALL_EXTRAORDINARY: 'CALLED_EXTRAORDINARY',
  DECLINE: 'DECLINED',
};

/** An offer is decided once: the status the decision leads to, or a 409 naming the status it already has. */
export function decide(status: InformationOfferStatus, decision: InformationOfferDecision): InformationOfferStatus {
  if (status !== 'OFFERED')
    throw new StateConflictError(`The information offer was already decided: it is ${status}`, status);
  return OUTCOME[decision];
}

/** Files are attached while the offer waits for the coordinator; after the decision it is what was decided on. */
export function assertOpenForFiles(status: InformationOfferStatus): void {
  if (status !== 'OFFERED') {
    throw new StateConflictError(`Cannot attach a file to the information offer: it is ${status}`, status);
  }
}

/** Conference statuses in which it is still to be held: called, or called and moved. */
const TO_BE_HELD: readonly ConferenceStatus[] = ['CALLED', 'RESCHEDULED'];

/**
 * INCLUDE puts the offer on a conference the agencies are preparing for: one submissions knows as called (from
 * scheduling's events), not cancelled and not yet ended. Anything else names `conferenceId`.
 */
export function assertConferenceTakesOffers(
  conferenceId: string,
  conference: { status: ConferenceStatus; endsAt: Date } | null,
  now: Date,
): void {
  if (!conference) {
    throw new ValidationFailedError([
      { field: 'conferenceId', message: `no called conference ${conferenceId} is known to submissions` },
    ]);
  }
  if (!TO_BE_HELD.includes(conference.status)) {
    throw new DomainRuleError(
      `conferenceId: conference ${conferenceId} is ${conference.status}; only a called conference still to be held takes an offer`,
      'conference-to-be-held',
    );
  }
  if (conference.endsAt.getTime() <= now.getTime()) {
    throw new DomainRuleError(
      `conferenceId: conference ${conferenceId} has ended; only a called conference still to be held takes an offer`,
      'conference-to-be-held',
    );
  }
}
