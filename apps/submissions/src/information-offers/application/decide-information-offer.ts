import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  DecideInformationOfferDto,
  EventTypes,
  InformationOfferView,
  NotFoundError,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { BriefRequestsService } from '../../brief-requests/application/brief-requests.service';
import { ConferenceProjection } from '../../brief-requests/infrastructure/conference-projection.entity';
import { assertConferenceTakesOffers, decide } from '../domain/offer-decision';
import { InformationOfferAttachmentEntity } from '../infrastructure/information-offer-attachment.entity';
import { InformationOfferEntity } from '../infrastructure/information-offer.entity';
import { toOfferEvent, toOfferView } from './offer-views';

/**
 * The coordinator decides an offer, once. INCLUDE opens a brief request for the offering agency on the conference
 * (with the usual opened event) and records it; CALL_EXTRAORDINARY is acted on by scheduling, which reports an
 * incident from the decided event; DECLINE carries the comment saying why. The decision, the request and the events
 * share one transaction.
 */
@Injectable()
export class DecideInformationOffer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly briefRequests: BriefRequestsService,
  ) {}

  execute(id: string, dto: DecideInformationOfferDto, actor: Actor): Promise<InformationOfferView> {
    return this.dataSource.transaction(async (tx) => {
      const offer = await tx.findOne(InformationOfferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!offer) throw new NotFoundError('Information offer', id);
      const now = new Date();
      offer.status = decide(offer.status, dto.decision);
      offer.decision = dto.decision;
      offer.decidedAt = now;
      offer.decidedBy = actor.subject;
      offer.comment = dto.comment?.trim() || null;
      let briefDueAt: Date | undefined;
      if (dto.decision === 'INCLUDE' && dto.conferenceId) {
        const conference = await tx.findOneBy(ConferenceProjection, { id: dto.conferenceId });
        assertConferenceTakesOffers(dto.conferenceId, conference, now);
        const opened = await this.briefRequests.openForAgency(
          tx,
          conference!,
          offer.agencyId,
          await agencyNameOf(tx, offer.agencyId),
        );
        offer.conferenceId = dto.conferenceId;
        offer.briefRequestId = opened.requestId;
        briefDueAt = opened.dueAt;
      }
      await tx.save(offer);
      await this.outbox.add(tx, EventTypes.informationOfferDecided, offer.id, toOfferEvent(offer, briefDueAt));
      const attachments = await tx.findBy(InformationOfferAttachmentEntity, { offerId: offer.id });
      return toOfferView(offer, attachments);
    });
  }
}

/**
 * The agency's name as submissions last heard it (from the invitees of a conference it was asked to brief for):
 * submissions keeps no registry. An agency never asked before is named by its id until then.
 */
async function agencyNameOf(tx: EntityManager, agencyId: string): Promise<string> {
  const [row]: Array<{ agency_name: string }> = await tx.query(
    `SELECT agency_name FROM brief_request WHERE agency_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [agencyId],
  );
  return row?.agency_name ?? agencyId;
}
