import type { RsvpState } from '@pressconf/contracts';

const HOUR_MS = 3_600_000;

/**
 * When the invitees are reminded of a conference: `hoursBefore` its start (INVITEE_REMINDER_HOURS_BEFORE). Null
 * when its time was announced (called, or rescheduled) less than that before the start: the announcement itself is
 * fresh enough, and a reminder right after it would only repeat it.
 */
export function inviteeReminderAt(announcedAt: Date, startsAt: Date, hoursBefore: number): Date | null {
  const remindAt = startsAt.getTime() - hoursBefore * HOUR_MS;
  return remindAt > announcedAt.getTime() ? new Date(remindAt) : null;
}

/** Those who said they attend and those who have not answered are reminded; who declined or sent someone, not. */
export const REMINDED_ANSWERS: readonly RsvpState[] = ['ACCEPT', 'PENDING'];

export function isReminded(rsvp: RsvpState): boolean {
  return REMINDED_ANSWERS.includes(rsvp);
}
