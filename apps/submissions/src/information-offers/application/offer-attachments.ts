import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { Actor, InformationOfferAttachmentView, NotFoundError, problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { BriefLimits } from '../../briefs/application/brief-limits';
import type { SubmissionsConfig } from '../../config';
import { ReceivedFile, UploadTarget } from '../../files/application/upload-target';
import { assertVisibleTo } from '../../obstacle-reports/domain/visibility';
import { assertOpenForFiles } from '../domain/offer-decision';
import { InformationOfferAttachmentEntity } from '../infrastructure/information-offer-attachment.entity';
import { InformationOfferEntity } from '../infrastructure/information-offer.entity';
import { toOfferAttachmentView } from './offer-views';

export interface OfferAttachmentTarget {
  offerId: string;
}

/**
 * An offer's files, checked and stored as a brief's are (the files module reads and checks them by content): added
 * by the offering agency while the offer waits for the decision, at most BRIEF_MAX_ATTACHMENTS of them, within the
 * agency's daily room shared with its briefs.
 */
@Injectable()
export class OfferAttachments implements UploadTarget<OfferAttachmentTarget, InformationOfferAttachmentView> {
  private readonly maxAttachments = this.config.get('BRIEF_MAX_ATTACHMENTS', { infer: true });

  constructor(
    private readonly limits: BriefLimits,
    private readonly config: ConfigService<SubmissionsConfig, true>,
  ) {}

  async authorize({ offerId }: OfferAttachmentTarget, actor: Actor, manager: EntityManager): Promise<void> {
    const offer = await manager.findOneBy(InformationOfferEntity, { id: offerId });
    this.assertCanAttach(offer, offerId, actor);
    await this.limits.assertDailyRoom(manager, offer!.agencyId);
  }

  /** The same bytes attached twice are one attachment: a retried upload answers with the first. */
  async store(
    file: ReceivedFile,
    { offerId }: OfferAttachmentTarget,
    actor: Actor,
    tx: EntityManager,
  ): Promise<InformationOfferAttachmentView> {
    const offer = await tx.findOne(InformationOfferEntity, {
      where: { id: offerId },
      lock: { mode: 'pessimistic_write' },
    });
    this.assertCanAttach(offer, offerId, actor);
    const stored = await tx.findOneBy(InformationOfferAttachmentEntity, { offerId, sha256: file.sha256 });
    if (stored) return toOfferAttachmentView(stored);
    if ((await tx.countBy(InformationOfferAttachmentEntity, { offerId })) >= this.maxAttachments) {
      throw new ProblemError(
        problem(413, `The offer has as many files as one may have (BRIEF_MAX_ATTACHMENTS = ${this.maxAttachments}).`, {
          limit: { name: 'BRIEF_MAX_ATTACHMENTS', value: this.maxAttachments },
        }),
      );
    }
    await this.limits.assertDailyRoom(tx, offer!.agencyId, file.size);
    await tx.insert(InformationOfferAttachmentEntity, {
      id: randomUUID(),
      offerId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      content: file.content,
      uploadedBy: actor.subject,
    });
    return toOfferAttachmentView(
      await tx.findOneByOrFail(InformationOfferAttachmentEntity, { offerId, sha256: file.sha256 }),
    );
  }

  private assertCanAttach(offer: InformationOfferEntity | null, offerId: string, actor: Actor): void {
    if (!offer) throw new NotFoundError('Information offer', offerId);
    assertVisibleTo(actor, offer, 'Information offer', offerId);
    assertOpenForFiles(offer.status);
  }
}
