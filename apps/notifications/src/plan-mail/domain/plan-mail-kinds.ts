import type { EventType, ObstacleReportEventData } from '@pressconf/contracts';
import { EventTypes } from '@pressconf/contracts';
import type { DeliveryKind } from '../../delivery/domain/delivery-kind';

/** What each obstacle-report event sends the reporting agency. */
export const AGENCY_NOTICE_OF: Partial<Record<EventType, DeliveryKind>> = {
  [EventTypes.obstacleReported]: 'OBSTACLE_REPORT_RECEIVED',
  [EventTypes.obstacleForwarded]: 'OBSTACLE_REPORT_FORWARDED',
  [EventTypes.obstacleResolved]: 'OBSTACLE_REPORT_RESOLVED',
};

/** The kinds about an obstacle report, and the template of each. */
export const OBSTACLE_TEMPLATES = {
  OBSTACLE_REPORT_RECEIVED: 'obstacle-report-received',
  OBSTACLE_REPORT_FORWARDED: 'obstacle-report-forwarded',
  OBSTACLE_REPORT_TO_LEADERSHIP: 'obstacle-report-to-leadership',
  OBSTACLE_REPORT_RESOLVED: 'obstacle-report-resolved',
} as const satisfies Partial<Record<DeliveryKind, string>>;

export type ObstacleMailKind = keyof typeof OBSTACLE_TEMPLATES;

export function isObstacleMail(kind: DeliveryKind): kind is ObstacleMailKind {
  return kind in OBSTACLE_TEMPLATES;
}

/** Only a forwarded report goes to the People's Committee. */
export function goesToLeadership(report: Pick<ObstacleReportEventData, 'status'>, type: EventType): boolean {
  return type === EventTypes.obstacleForwarded && report.status === 'FORWARDED';
}
