import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Channel, ContactLocale } from '@pressconf/contracts';
import { captureTraceContext } from '@pressconf/messaging';
import { DeliveryKind } from '../domain/delivery-kind';
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

/**
 * Queues mail in the caller's transaction; the DeliveryWorker sends it after commit, in the trace of the work that
 * queued it. Queuing the same mail twice (same cause, recipient and kind) is a no-op, so handlers may run again safely.
 */
@Injectable()
export class DeliveryQueue {
  async add(tx: EntityManager, mail: QueuedMail): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values({
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
        status: 'PENDING',
        nextAttemptAt: new Date(),
        traceContext: captureTraceContext(),
      })
      .orIgnore()
      .execute();
  }
}
