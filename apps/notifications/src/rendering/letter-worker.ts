import { InvitationLetterModel, renderInvitationLetter } from './invitation-letter';

/**
 * The letter pool's worker thread (webpack entry `letter-worker`, beside main.js): lays out one letter. The
 * thread keeps its own printer, so the fonts are parsed once per thread.
 */
export default function renderLetter(model: InvitationLetterModel): Promise<Buffer> {
  return renderInvitationLetter(model);
}

/** A letter as a call's look, every face and line it sets included; laid out only to be thrown away. */
const SAMPLE: InvitationLetterModel = {
  number: '01/GM-UBND',
  issuedAt: new Date('2026-01-05T01:00:00Z'),
  place: 'Đắk Lắk',
  parentBody: 'UBND TỈNH ĐẮK LẮK',
  issuingBody: 'Sở Văn hóa, Thể thao và Du lịch',
  recipient: { name: 'Nguyễn Văn An', agencyName: 'Sở Tư pháp tỉnh Đắk Lắk' },
  hosts: [{ name: 'Sở Văn hóa, Thể thao và Du lịch', roles: ['COORDINATOR'] }],
  conference: {
    title: 'Hội nghị cung cấp thông tin định kỳ tháng 01/2026',
    kind: 'PERIODIC',
    startsAt: '2026-01-15T02:00:00Z',
    endsAt: '2026-01-15T04:00:00Z',
    venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, phường Buôn Ma Thuột',
    topics: ['Tình hình kinh tế - xã hội tháng 12/2025'],
  },
  agenda: [{ title: 'Khai mạc, giới thiệu đại biểu', presenter: 'Lãnh đạo Sở', durationMinutes: 10 }],
  rsvpUrl: 'http://localhost/api/v1/invitations/warm-up',
  signer: { position: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Trần Thị Bình' },
};

/**
 * RenderPool.warm: one letter laid out before the first real one arrives. Measured on a new thread: fonts parsed
 * 0.2 s, then the first letter 0.4–0.5 s (its fonts' tables read, the code not yet optimised), later ones 30–50 ms.
 */
export async function warm(): Promise<void> {
  await renderInvitationLetter(SAMPLE);
}
