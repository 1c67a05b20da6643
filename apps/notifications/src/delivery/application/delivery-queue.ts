import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Channel, ContactLocale } from '@pressconf/contracts';
import { captureTraceContext } from '@pressconf/messaging';
import { DeliveryKind } from '../domain/delivery-kind';

export interface QueuedMail {
  kind: DeliveryKind;
  /** The event that causes the mail, or the object a scheduled mail is about (see DeliveryEntity). */
  cause: string;
  /** `locale` is the recipient's language (an invitee's is the invitation's); absent means Vietnamese. */
  recipient: { name: string; email: string; agencyName?: string; locale?: ContactLocale };
  conferenceId?: string;
  incidentId?: string;
  invitationId?: string;
  briefRequestId?: string;
  obstacleReportId?: string;
  informationOfferId?: string;
  webhookSubscriptionId?: string;
  /** The conference's sequence when queued. */
  sequence?: number;
  channel?: Channel;
}

/** An invitee's notice about a conference, addressed as the invitation names them and in its language. */
export function mailToInvitee(
  kind: DeliveryKind,
  cause: string,
  conference: { id: string; sequence: number },
  invitation: { id: string; contactName: string; email: string; locale: ContactLocale },
): QueuedMail {
  return {
    kind,
    cause,
    conferenceId: conference.id,
    invitationId: invitation.id,
    sequence: conference.sequence,
    recipient: { name: invitation.contactName, email: invitation.email, locale: invitation.locale },
  };
}

/** The columns a queued mail fills, each with its type and its value for a mail; the rest take their defaults. */
const COLUMNS: Array<[column: string, type: string, value: (mail: QueuedMail) => unknown]> = [
  ['kind', 'varchar', (mail) => mail.kind],
  ['channel', 'varchar', (mail) => mail.channel ?? 'EMAIL'],
  ['source_event_id', 'uuid', (mail) => mail.cause],
  ['conference_id', 'uuid', (mail) => mail.conferenceId ?? null],
  ['incident_id', 'uuid', (mail) => mail.incidentId ?? null],
  ['invitation_id', 'uuid', (mail) => mail.invitationId ?? null],
  ['brief_request_id', 'uuid', (mail) => mail.briefRequestId ?? null],
  ['obstacle_report_id', 'uuid', (mail) => mail.obstacleReportId ?? null],
  ['information_offer_id', 'uuid', (mail) => mail.informationOfferId ?? null],
  ['webhook_subscription_id', 'uuid', (mail) => mail.webhookSubscriptionId ?? null],
  ['recipient_name', 'varchar', (mail) => mail.recipient.name],
  ['recipient_agency', 'varchar', (mail) => mail.recipient.agencyName ?? null],
  ['email', 'varchar', (mail) => mail.recipient.email.toLowerCase()],
  ['locale', 'varchar', (mail) => mail.recipient.locale ?? 'vi'],
  ['sequence', 'int', (mail) => mail.sequence ?? 0],
];
const NAMES = COLUMNS.map(([column]) => column).join(', ');
const ARRAYS = COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ');

/**
 * Queues mail in the caller's transaction; the DeliveryWorker sends it after commit, in the trace of the work that
 * queued it. Queuing the same mail twice (same cause, recipient and kind) is a no-op, so handlers may run again safely.
 */
@Injectable()
export class DeliveryQueue {
  /**
   * One mail, or many in one statement whatever their number (a call's invitations, a notice to every invitee):
   * an array a column, so that a call of 10,000 stays one round trip with a parameter per column.
   */
  async add(tx: EntityManager, mails: QueuedMail | QueuedMail[]): Promise<void> {
    const all = Array.isArray(mails) ? mails : [mails];
    if (all.length === 0) return;
    await tx.query(
      `INSERT INTO delivery (id, ${NAMES}, status, next_attempt_at, trace_context)
       SELECT gen_random_uuid(), *, 'PENDING', now(), $1::jsonb FROM unnest(${ARRAYS})
       ON CONFLICT DO NOTHING`,
      [traceJson(), ...COLUMNS.map(([, , value]) => all.map(value))],
    );
  }
}

function traceJson(): string | null {
  const traceContext = captureTraceContext();
  return traceContext && JSON.stringify(traceContext);
}
