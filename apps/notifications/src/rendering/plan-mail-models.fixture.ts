import type { MailRecipient } from './mail-models';
import type { PlanMailModels } from './plan-mail-models';

/** Models of the mail about obstacle reports and offers, for the template tests. */
const recipient: MailRecipient = { name: 'Trần Thị Bình', agencyName: 'Sở Nông nghiệp và Môi trường' };
const report = {
  title: 'Chậm cung cấp số liệu thiệt hại do hạn hán',
  description: 'Các huyện chưa gửi số liệu thiệt hại, Sở chưa thể chuẩn bị nội dung cung cấp cho báo chí.',
  proposal: 'Đề nghị UBND tỉnh chỉ đạo các huyện gửi số liệu trước ngày 20/3.',
  reportedAt: '2027-03-10T01:00:00Z',
  agencyName: 'Sở Nông nghiệp và Môi trường',
};

export const planMailModels: PlanMailModels = {
  'obstacle-report-received': { recipient, report },
  'obstacle-report-forwarded': { recipient, report: { ...report, note: 'Kính trình UBND tỉnh chỉ đạo.' } },
  'obstacle-report-to-leadership': {
    recipient: { name: 'Lê Văn Cường', title: 'Phó Chủ tịch', agencyName: 'UBND tỉnh' },
    report: { ...report, note: 'Kính trình UBND tỉnh chỉ đạo.' },
  },
  'obstacle-report-resolved': {
    recipient,
    report: {
      ...report,
      note: 'Kính trình UBND tỉnh chỉ đạo.',
      resolution: 'UBND tỉnh đã có Công văn số 123/UBND-TH.',
    },
  },
  'information-offer-decided': {
    recipient,
    offer: { title: 'Kết quả chuyển đổi số trong nông nghiệp', offeredAt: '2027-03-09T02:00:00Z' },
    included: true,
    extraordinary: false,
    declined: false,
    conference: {
      title: 'Hội nghị cung cấp thông tin định kỳ tháng 3/2027',
      kind: 'PERIODIC',
      startsAt: '2027-03-25T02:00:00Z',
      endsAt: '2027-03-25T04:00:00Z',
      venue: 'Hội trường UBND tỉnh',
      topics: [],
    },
    briefDueAt: '2027-03-20T10:00:00Z',
  },
};
