import { DomainError } from '@pressconf/contracts';

/** 410: the link was good once, and the conference it was for ended too long ago for it to answer still. */
export class InvitationLinkExpiredError extends DomainError {
  readonly status = 410;
  constructor(expiredAt: Date) {
    super(`This invitation link expired on ${expiredAt.toISOString()}, some time after the conference ended`);
  }
}

const DAY_MS = 24 * 3600_000;

/** Until when an invitation's link answers: RSVP_LINK_DAYS_AFTER_END after the conference ends. */
export function linkExpiresAt(conference: { endsAt: Date }, daysAfterEnd: number): Date {
  return new Date(conference.endsAt.getTime() + daysAfterEnd * DAY_MS);
}

export function assertLinkLive(conference: { endsAt: Date }, daysAfterEnd: number, now: Date): void {
  const expiresAt = linkExpiresAt(conference, daysAfterEnd);
  if (now.getTime() > expiresAt.getTime()) throw new InvitationLinkExpiredError(expiresAt);
}
