import type { WorkingCalendar } from '@pressconf/vn-calendar';
import type { ConferenceKind } from '@pressconf/contracts';
import type { SubmissionsConfig } from '../../config';

export interface DueTimePolicy {
  /** Periodic conferences: briefs are due this many working days before the start. */
  periodicWorkingDaysBefore: number;
  /** Extraordinary conferences: briefs are due this many hours before the start. */
  extraordinaryHoursBefore: number;
}

export function dueTimePolicyFromEnv(
  config: Pick<SubmissionsConfig, 'BRIEFS_PERIODIC_WORKING_DAYS_BEFORE' | 'BRIEFS_EXTRAORDINARY_HOURS_BEFORE'>,
): DueTimePolicy {
  return {
    periodicWorkingDaysBefore: config.BRIEFS_PERIODIC_WORKING_DAYS_BEFORE,
    extraordinaryHoursBefore: config.BRIEFS_EXTRAORDINARY_HOURS_BEFORE,
  };
}

/**
 * When an agency's written brief is due: the conference's own `briefsDueAt` when set, else a number of
 * working days (periodic) or hours (extraordinary) before it starts — never before the request is opened.
 */
export function briefDueAt(
  conference: { kind: ConferenceKind; startsAt: Date; briefsDueAt?: Date | null },
  policy: DueTimePolicy,
  calendar: WorkingCalendar,
  openedAt: Date,
): Date {
  if (conference.briefsDueAt) return conference.briefsDueAt;
  const due =
    conference.kind === 'PERIODIC'
      ? calendar.addWorkingDays(conference.startsAt, -policy.periodicWorkingDaysBefore)
      : new Date(conference.startsAt.getTime() - policy.extraordinaryHoursBefore * 3_600_000);
  if (due.getTime() >= openedAt.getTime()) return due;
  // Too late for the usual notice: give what time is left, half-way to the start.
  return new Date(openedAt.getTime() + Math.max(0, conference.startsAt.getTime() - openedAt.getTime()) / 2);
}
