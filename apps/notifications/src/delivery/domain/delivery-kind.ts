import { InvitationNotice, InvitationNotices } from '@pressconf/contracts';

/** What a delivery carries; each kind has its template. */
export const DeliveryKinds = [
  ...InvitationNotices,
  'BRIEF_REQUEST',
  'BRIEF_REMINDER',
  'BRIEF_OVERDUE',
  'BRIEFING_PACK',
  'INCIDENT_DEADLINE_BREACHED',
] as const;
export type DeliveryKind = (typeof DeliveryKinds)[number];

/** Kinds whose outcome is reported as notifications.invitation.sent/failed: the notices about one invitation. */
export function reportsInvitationOutcome(kind: DeliveryKind): kind is InvitationNotice {
  return (InvitationNotices as readonly string[]).includes(kind);
}

/** The only kind still sent once its conference is cancelled: the cancellation notice itself. */
export function survivesCancellation(kind: DeliveryKind): boolean {
  return kind === 'INVITATION_CANCELLED';
}
