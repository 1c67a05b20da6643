import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mailConference } from '../../delivery/application/invitation-documents';
import type { DeliveryEntity } from '../../delivery/infrastructure/delivery.entity';
import { ConferenceSnapshot } from '../../invitations/infrastructure/conference-snapshot.entity';
import { MailRecipient, MailTemplates, RenderedMail } from '../../rendering';
import { RegistryAgency } from '../../registry/infrastructure/registry-agency.entity';
import { isObstacleMail, OBSTACLE_TEMPLATES } from '../domain/plan-mail-kinds';
import { InformationOfferProjection } from '../infrastructure/information-offer.entity';
import { ObstacleReportProjection } from '../infrastructure/obstacle-report.entity';

/** What every mail model shares: to whom, and the zone to show times in. */
export interface PlanMailBase {
  recipient: MailRecipient;
  zone: string;
}

/**
 * Renders the mail about an obstacle report or an information offer at send time, in the delivery's language, from
 * what notifications knows then (the report as it now stands, the agency's name from the registry copy).
 */
@Injectable()
export class PlanMailRenderer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
  ) {}

  async render(delivery: DeliveryEntity, locale: string, base: PlanMailBase): Promise<RenderedMail> {
    const manager = this.dataSource.manager;
    if (isObstacleMail(delivery.kind)) {
      const report = await manager.findOneByOrFail(ObstacleReportProjection, { id: delivery.obstacleReportId ?? '' });
      const agency = await manager.findOneBy(RegistryAgency, { id: report.agencyId });
      return this.templates.render(OBSTACLE_TEMPLATES[delivery.kind], locale, {
        ...base,
        report: {
          title: report.title,
          description: report.description,
          proposal: report.proposal ?? undefined,
          reportedAt: report.reportedAt,
          agencyName: agency?.name ?? '',
          note: report.note ?? undefined,
          resolution: report.resolution ?? undefined,
        },
      });
    }
    const offer = await manager.findOneByOrFail(InformationOfferProjection, { id: delivery.informationOfferId ?? '' });
    // The conference was called before the offer could be included in it: its snapshot is here, or soon will be.
    const conference = offer.conferenceId
      ? await manager.findOneByOrFail(ConferenceSnapshot, { id: offer.conferenceId })
      : null;
    return this.templates.render('information-offer-decided', locale, {
      ...base,
      offer: { title: offer.title, offeredAt: offer.offeredAt, comment: offer.comment ?? undefined },
      included: offer.decision === 'INCLUDE',
      extraordinary: offer.decision === 'CALL_EXTRAORDINARY',
      declined: offer.decision === 'DECLINE',
      ...(conference ? { conference: mailConference(conference) } : {}),
      briefDueAt: offer.briefDueAt ?? undefined,
    });
  }
}
