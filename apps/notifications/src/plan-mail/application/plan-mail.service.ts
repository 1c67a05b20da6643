import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, InformationOfferEventData, ObstacleReportEventData } from '@pressconf/contracts';
import { DeliveryQueue, QueuedMail } from '../../delivery/application/delivery-queue';
import { RegistryCopy } from '../../registry/application/registry-copy';
import type { RegistryRecipient } from '../../registry/domain/registry-recipients';
import { AGENCY_NOTICE_OF, goesToLeadership } from '../domain/plan-mail-kinds';
import { InformationOfferProjection } from '../infrastructure/information-offer.entity';
import { ObstacleReportProjection } from '../infrastructure/obstacle-report.entity';

/**
 * Mail about what agencies report and offer, from submissions' events: the reporting agency is told each step of
 * its obstacle report, the People's Committee (the registry's PROVINCIAL_LEADERSHIP contacts) receives a forwarded
 * one, and the offering agency is told the decision on its offer. Recipients come from notifications' registry copy.
 */
@Injectable()
export class PlanMailService {
  private readonly logger = new Logger(PlanMailService.name);

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly registry: RegistryCopy,
  ) {}

  async onObstacleEvent(data: ObstacleReportEventData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    // Every event carries the report whole, and the report's events share its partition: the latest one wins.
    await tx.upsert(
      ObstacleReportProjection,
      {
        id: data.reportId,
        agencyId: data.agencyId,
        title: data.title,
        description: data.description,
        proposal: data.proposal ?? null,
        status: data.status,
        reportedAt: new Date(data.reportedAt),
        note: data.note ?? null,
        resolution: data.resolution ?? null,
      },
      ['id'],
    );
    const kind = AGENCY_NOTICE_OF[event.type];
    const mail = { cause: event.id, obstacleReportId: data.reportId };
    if (kind) await this.queueTo(tx, await this.registry.contactsOfAgency(tx, data.agencyId), { ...mail, kind });
    if (goesToLeadership(data, event.type)) {
      const leadership = await this.registry.leadership(tx, new Date(event.occurredAt));
      if (leadership.length === 0) {
        this.logger.error(
          `obstacle report ${data.reportId} was forwarded and nobody of the People's Committee can be written to: ` +
            'give an agency with the PROVINCIAL_LEADERSHIP role a contact with an address',
        );
      }
      await this.queueTo(tx, leadership, { ...mail, kind: 'OBSTACLE_REPORT_TO_LEADERSHIP' });
    }
  }

  async onOfferDecided(data: InformationOfferEventData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    if (!data.decision || !data.decidedAt) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(InformationOfferProjection)
      .values({
        id: data.offerId,
        agencyId: data.agencyId,
        title: data.title,
        offeredAt: new Date(data.offeredAt),
        decision: data.decision,
        decidedAt: new Date(data.decidedAt),
        conferenceId: data.conferenceId ?? null,
        briefDueAt: data.briefDueAt ? new Date(data.briefDueAt) : null,
        comment: data.comment ?? null,
      })
      .orIgnore()
      .execute();
    await this.queueTo(tx, await this.registry.contactsOfAgency(tx, data.agencyId), {
      kind: 'INFORMATION_OFFER_DECIDED',
      cause: event.id,
      informationOfferId: data.offerId,
    });
  }

  private async queueTo(
    tx: EntityManager,
    recipients: RegistryRecipient[],
    mail: Omit<QueuedMail, 'recipient'>,
  ): Promise<void> {
    for (const { name, email, agencyName, locale } of recipients) {
      await this.queue.add(tx, { ...mail, recipient: { name, email, agencyName, locale } });
    }
  }
}
