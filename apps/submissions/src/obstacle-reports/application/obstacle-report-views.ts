import type { ObstacleReportEventData, ObstacleReportView } from '@pressconf/contracts';
import type { ObstacleReportEntity } from '../infrastructure/obstacle-report.entity';

export function toObstacleReportView(r: ObstacleReportEntity): ObstacleReportView {
  return {
    id: r.id,
    agencyId: r.agencyId,
    conferenceId: r.conferenceId,
    title: r.title,
    description: r.description,
    proposal: r.proposal,
    status: r.status,
    reportedAt: r.reportedAt.toISOString(),
    reportedBy: r.reportedBy,
    note: r.note,
    forwardedAt: r.forwardedAt?.toISOString() ?? null,
    forwardedBy: r.forwardedBy,
    resolution: r.resolution,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.resolvedBy,
  };
}

/** The report as it stands after a step, whole: what every obstacle-report event carries. */
export function toObstacleReportEvent(r: ObstacleReportEntity): ObstacleReportEventData {
  return {
    reportId: r.id,
    agencyId: r.agencyId,
    conferenceId: r.conferenceId,
    title: r.title,
    description: r.description,
    proposal: r.proposal,
    status: r.status,
    reportedAt: r.reportedAt.toISOString(),
    note: r.note,
    resolution: r.resolution,
  };
}
