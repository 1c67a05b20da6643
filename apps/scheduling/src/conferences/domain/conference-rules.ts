import { ConferenceKind, DomainRuleError, ValidationFailedError } from '@pressconf/contracts';
import { DEFAULT_ZONE } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';

const HOURS_TO_CONVENE = 24;
/** A letter dated a few minutes ahead of our clock is a clock difference, not a letter from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function assertTimeWindow(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime())) {
    throw new ValidationFailedError([{ field: 'startsAt', message: 'startsAt must be a valid date-time' }]);
  }
  if (Number.isNaN(endsAt.getTime())) {
    throw new ValidationFailedError([{ field: 'endsAt', message: 'endsAt must be a valid date-time' }]);
  }
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new ValidationFailedError([{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
  }
}

/** The plan: an extraordinary conference is convened within 24 hours (trong vòng 24 giờ) of the incident. */
export function conveneByOf(detectedAt: Date): Date {
  return new Date(detectedAt.getTime() + HOURS_TO_CONVENE * 3_600_000);
}

/** The conference may start exactly at the deadline, not a millisecond later. */
export function assertConvenedInTime(startsAt: Date, conveneBy: Date, zone = DEFAULT_ZONE): void {
  if (startsAt.getTime() <= conveneBy.getTime()) return;
  const local = DateTime.fromJSDate(conveneBy, { zone }).toFormat('HH:mm dd/LL/yyyy');
  throw new DomainRuleError(
    `An extraordinary conference must be convened within ${HOURS_TO_CONVENE} hours of the incident's detection: ` +
      `it must start by ${conveneBy.toISOString()} (${local} ${zone})`,
    '24-hour-rule',
  );
}

/**
 * The plan: for an extraordinary conference the coordinator first sends a written request (văn bản đề nghị) to the
 * co-host; a periodic one is convened by the co-host's own invitation letter instead.
 */
export function assertCoHostRequestFits(kind: ConferenceKind, sentAt: Date, now: Date): void {
  if (kind !== 'EXTRAORDINARY') {
    throw new DomainRuleError(
      'A written request to the co-host (văn bản đề nghị) is recorded only with an EXTRAORDINARY conference',
      'co-host-request',
    );
  }
  if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ValidationFailedError([{ field: 'sentAt', message: 'sentAt must not be in the future' }]);
  }
}
