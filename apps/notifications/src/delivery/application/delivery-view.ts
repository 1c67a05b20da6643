import type { DeliveryView } from '@pressconf/contracts';
import { resendRefusal } from '../domain/resend';
import type { DeliveryEntity } from '../infrastructure/delivery.entity';

/** A delivery as GET /deliveries shows it; `agencyName` is the invitee's agency for mail to an invitee. */
export function toDeliveryView(d: DeliveryEntity, agencyName: string | null): DeliveryView {
  return {
    id: d.id,
    kind: d.kind,
    channel: d.channel,
    conferenceId: d.conferenceId,
    incidentId: d.incidentId,
    invitationId: d.invitationId,
    briefRequestId: d.briefRequestId,
    obstacleReportId: d.obstacleReportId,
    informationOfferId: d.informationOfferId,
    recipient: d.recipientName,
    email: d.email,
    agencyName: d.recipientAgency ?? agencyName,
    status: d.status,
    attempts: d.attempts,
    queuedAt: d.createdAt.toISOString(),
    lastAttemptAt: iso(d.lastAttemptAt),
    nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt.toISOString() : null,
    sentAt: iso(d.sentAt),
    smtpResponse: d.smtpResponse,
    lastError: d.lastError,
    messageId: d.messageId,
    resendable: d.status === 'FAILED' && resendRefusal(d) === undefined,
    resends: d.resends,
    resentAt: iso(d.resentAt),
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
