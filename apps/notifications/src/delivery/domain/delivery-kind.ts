import { DeliveryKind, InvitationNotice, InvitationNotices } from '@pressconf/contracts';

/** What a delivery carries; each kind has its template. The list is the contract's, which GET /deliveries filters by. */
export { DeliveryKinds, type DeliveryKind } from '@pressconf/contracts';

/** Kinds whose outcome is reported as notifications.invitation.sent/failed: the notices about one invitation. */
export function reportsInvitationOutcome(kind: DeliveryKind): kind is InvitationNotice {
  return (InvitationNotices as readonly string[]).includes(kind);
}

/** The only kind still sent once its conference is cancelled: the cancellation notice itself. */
export function survivesCancellation(kind: DeliveryKind): boolean {
  return kind === 'INVITATION_CANCELLED';
}
