/** What a delivery carries; each kind has its template. */
export const DeliveryKinds = ['INVITATION', 'INVITATION_UPDATED', 'INVITATION_CANCELLED'] as const;
export type DeliveryKind = (typeof DeliveryKinds)[number];

/** Kinds whose outcome is reported as notifications.invitation.sent/failed. */
export function reportsInvitationOutcome(kind: DeliveryKind): boolean {
  return kind === 'INVITATION' || kind === 'INVITATION_UPDATED' || kind === 'INVITATION_CANCELLED';
}
