import type {
  InformationOfferAttachmentView,
  InformationOfferEventData,
  InformationOfferView,
} from '@pressconf/contracts';
import type { InformationOfferAttachmentEntity } from '../infrastructure/information-offer-attachment.entity';
import type { InformationOfferEntity } from '../infrastructure/information-offer.entity';

export function toOfferAttachmentView(a: InformationOfferAttachmentEntity): InformationOfferAttachmentView {
  return {
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt.toISOString(),
    uploadedBy: a.uploadedBy,
  };
}

export function toOfferView(
  o: InformationOfferEntity,
  attachments: InformationOfferAttachmentEntity[],
): InformationOfferView {
  return {
    id: o.id,
    agencyId: o.agencyId,
    title: o.title,
    summary: o.summary,
    topics: o.topics,
    urgent: o.urgent,
    status: o.status,
    offeredAt: o.offeredAt.toISOString(),
    offeredBy: o.offeredBy,
    decision: o.decision,
    decidedAt: o.decidedAt?.toISOString() ?? null,
    decidedBy: o.decidedBy,
    conferenceId: o.conferenceId,
    briefRequestId: o.briefRequestId,
    comment: o.comment,
    attachments: attachments.map(toOfferAttachmentView),
  };
}

/** The offer as it stands after a step, whole: what every information-offer event carries. */
export function toOfferEvent(o: InformationOfferEntity, briefDueAt?: Date): InformationOfferEventData {
  return {
    offerId: o.id,
    agencyId: o.agencyId,
    title: o.title,
    summary: o.summary,
    topics: o.topics,
    urgent: o.urgent,
    status: o.status,
    offeredAt: o.offeredAt.toISOString(),
    ...(o.decision ? { decision: o.decision } : {}),
    decidedAt: o.decidedAt?.toISOString() ?? null,
    conferenceId: o.conferenceId,
    briefRequestId: o.briefRequestId,
    briefDueAt: briefDueAt?.toISOString() ?? null,
    comment: o.comment,
  };
}
