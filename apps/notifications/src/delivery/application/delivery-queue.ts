import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Channel, ContactLocale } from '@pressconf/contracts';
import { captureTraceContext, insertInChunks } from '@pressconf/messaging';
import { LetterRenderer } from '../../rendering';
import { carriesLetter, DeliveryKind } from '../domain/delivery-kind';
import { DeliveryEntity } from '../infrastructure/delivery.entity';

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

/**
 * Queues mail in the caller's transaction; the DeliveryWorker sends it after commit, in the trace of the work that
 * queued it. Queuing the same mail twice (same cause, recipient and kind) is a no-op, so handlers may run again safely.
 */
@Injectable()
export class DeliveryQueue {
  constructor(private readonly letters: LetterRenderer) {}

  /** One mail, or many in a few multi-row statements (a call's invitations, a notice to every invitee). */
  async add(tx: EntityManager, mails: QueuedMail | QueuedMail[]): Promise<void> {
    const all = Array.isArray(mails) ? mails : [mails];
    // The thread that lays letters out starts while the caller's transaction commits, not with the first mail.
    if (all.some((mail) => carriesLetter(mail.kind))) this.letters.warm();
    const traceContext = captureTraceContext();
    const nextAttemptAt = new Date();
    await insertInChunks(all, (chunk) =>
      tx
        .createQueryBuilder()
        .insert()
        .into(DeliveryEntity)
        .values(chunk.map((mail) => row(mail, nextAttemptAt, traceContext)))
        .orIgnore()
        .execute(),
    );
  }
}

function row(mail: QueuedMail, nextAttemptAt: Date, traceContext: DeliveryEntity['traceContext']) {
  return {
    id: randomUUID(),
    kind: mail.kind,
    channel: mail.channel ?? 'EMAIL',
    sourceEventId: mail.cause,
    conferenceId: mail.conferenceId ?? null,
    incidentId: mail.incidentId ?? null,
    invitationId: mail.invitationId ?? null,
    briefRequestId: mail.briefRequestId ?? null,
    obstacleReportId: mail.obstacleReportId ?? null,
    informationOfferId: mail.informationOfferId ?? null,
    webhookSubscriptionId: mail.webhookSubscriptionId ?? null,
    recipientName: mail.recipient.name,
    recipientAgency: mail.recipient.agencyName ?? null,
    email: mail.recipient.email.toLowerCase(),
    locale: mail.recipient.locale ?? 'vi',
    sequence: mail.sequence ?? 0,
    status: 'PENDING' as const,
    nextAttemptAt,
    traceContext,
  };
}
