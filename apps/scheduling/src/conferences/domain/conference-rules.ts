import { DomainRuleError, ValidationFailedError } from '@pressconf/contracts';
import { DEFAULT_ZONE } from '@pressconf/vn-calendar';
import { DateTime } from 'luxon';

const HOURS_TO_CONVENE = 24;

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
