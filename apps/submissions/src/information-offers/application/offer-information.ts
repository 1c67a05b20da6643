import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, EventTypes, ForbiddenError, InformationOfferView, OfferInformationDto } from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { InformationOfferEntity } from '../infrastructure/information-offer.entity';
import { toOfferEvent, toOfferView } from './offer-views';

/** An agency offers information on its own initiative (plan IV.2, IV.4); files follow by upload, one at a time. */
@Injectable()
export class OfferInformation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(dto: OfferInformationDto, actor: Actor): Promise<InformationOfferView> {
    if (!actor.agencyId) throw new ForbiddenError('Only an agency’s key can offer information for that agency');
    const agencyId = actor.agencyId;
    return this.dataSource.transaction(async (tx) => {
      const offer = tx.create(InformationOfferEntity, {
        id: randomUUID(),
        agencyId,
        title: dto.title.trim(),
        summary: dto.summary.trim(),
        topics: dto.topics.map((t) => t.trim()),
        urgent: dto.urgent,
        status: 'OFFERED',
        offeredAt: new Date(),
        offeredBy: actor.subject,
        decision: null,
        decidedAt: null,
        decidedBy: null,
        conferenceId: null,
        briefRequestId: null,
        comment: null,
      });
      await tx.insert(InformationOfferEntity, offer);
      await this.outbox.add(tx, EventTypes.informationOffered, offer.id, toOfferEvent(offer));
      return toOfferView(offer, []);
    });
  }
}
