import { ObstacleReportStatus, StateConflictError } from '@pressconf/contracts';

export type ObstacleReportStep = 'FORWARD' | 'RESOLVE';

/**
 * An obstacle report goes one way: the agency reports it (OPEN), the coordinator forwards it to the People's
 * Committee (FORWARDED), and records how it was resolved (RESOLVED). A report is resolved after it was forwarded:
 * the People's Committee is the one that settles what the plan's agencies cannot.
 */
const NEXT: Record<ObstacleReportStep, Partial<Record<ObstacleReportStatus, ObstacleReportStatus>>> = {
  FORWARD: { OPEN: 'FORWARDED' },
  RESOLVE: { FORWARDED: 'RESOLVED' },
};

const WHAT: Record<ObstacleReportStep, string> = { FORWARD: 'forward', RESOLVE: 'resolve' };

/** The status after `step`; a 409 naming the current status when the step does not follow from it. */
export function advance(status: ObstacleReportStatus, step: ObstacleReportStep): ObstacleReportStatus {
  const next = NEXT[step][status];
  if (!next) throw new StateConflictError(`Cannot ${WHAT[step]} the obstacle report: it is ${status}`, status);
  return next;
}
