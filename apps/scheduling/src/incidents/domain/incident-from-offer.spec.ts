import type { InformationOfferEventData } from '@pressconf/contracts';
import { incidentFromOffer } from './incident-from-offer';

const offer = (over: Partial<InformationOfferEventData>): InformationOfferEventData => ({
  offerId: '44444444-4444-4444-8444-444444444444',
  agencyId: '55555555-5555-4555-8555-555555555555',
  title: 'Dịch tả lợn châu Phi tại huyện Krông Pắc',
  summary: 'Phát hiện ổ dịch mới, cần thông tin kịp thời cho Nhân dân.',
  topics: ['Nông nghiệp', 'Dịch bệnh'],
  urgent: true,
  status: 'CALLED_EXTRAORDINARY',
  offeredAt: '2027-03-10T08:00:00+07:00',
  decision: 'CALL_EXTRAORDINARY',
  decidedAt: '2027-03-10T10:30:00+07:00',
  ...over,
});

describe('the incident an offer stands for', () => {
  it('is detected at the decision, concerns the offering agency and carries the title and topics', () => {
    expect(incidentFromOffer(offer({}))).toEqual({
      title: 'Dịch tả lợn châu Phi tại huyện Krông Pắc',
      description: 'Phát hiện ổ dịch mới, cần thông tin kịp thời cho Nhân dân.',
      occurredAt: '2027-03-10T08:00:00+07:00',
      detectedAt: '2027-03-10T10:30:00+07:00',
      topics: ['Nông nghiệp', 'Dịch bệnh'],
      agencyIds: ['55555555-5555-4555-8555-555555555555'],
    });
  });

  it.each(['INCLUDE', 'DECLINE'] as const)('is none for %s', (decision) => {
    expect(incidentFromOffer(offer({ decision }))).toBeUndefined();
  });
});
