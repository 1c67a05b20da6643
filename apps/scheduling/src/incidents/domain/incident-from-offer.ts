import type { InformationOfferEventData, ReportIncidentDto } from '@pressconf/contracts';

/**
 * The incident an offer decided as CALL_EXTRAORDINARY stands for: its title, summary and topics, the offering agency
 * concerned, detected when the coordinator decided (the 24 hours start then) and having occurred by the offer at the
 * latest. Any other decision is none of scheduling's business.
 */
export function incidentFromOffer(offer: InformationOfferEventData): ReportIncidentDto | undefined {
  if (offer.decision !== 'CALL_EXTRAORDINARY' || !offer.decidedAt) return undefined;
  return {
    title: offer.title,
    description: offer.summary,
    occurredAt: offer.offeredAt,
    detectedAt: offer.decidedAt,
    topics: offer.topics,
    agencyIds: [offer.agencyId],
  };
}
