import type { IncidentStatus } from '@pressconf/contracts';

/**
 * Where an incident stands against the 24-hour rule, as the deadline watch judges it: kept when a conference was
 * called by `conveneBy` (the call itself refuses a start after it), broken once `conveneBy` has passed without
 * that, open until then. A conference called late does not mend a breach.
 */
export function conveningOf(
  conveneBy: Date,
  firstCalledAt: Date | null,
  now: Date,
): { status: IncidentStatus; deadlineKept: boolean | null } {
  if (firstCalledAt && firstCalledAt.getTime() <= conveneBy.getTime())
    return { status: 'CONVENED', deadlineKept: true };
  if (conveneBy.getTime() < now.getTime()) return { status: 'BREACHED', deadlineKept: false };
  return { status: 'OPEN', deadlineKept: null };
}

/** The same judgement in SQL, for filtering a list by status; `first_called_at` and `$now` as named by the caller. */
export function conveningStatusSql(conveneBy: string, firstCalledAt: string, now: string): string {
  return `CASE WHEN ${firstCalledAt} <= ${conveneBy} THEN 'CONVENED' WHEN ${conveneBy} < ${now} THEN 'BREACHED' ELSE 'OPEN' END`;
}
