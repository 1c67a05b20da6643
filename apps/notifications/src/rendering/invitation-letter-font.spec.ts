import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { InvitationLetterModel, renderInvitationLetter } from './invitation-letter';

const model: InvitationLetterModel = {
  number: '07/GM-STTTT',
  issuedAt: new Date('2027-03-04T03:00:00Z'),
  place: 'Đắk Lắk',
  parentBody: 'Ủy ban nhân dân tỉnh Đắk Lắk',
  issuingBody: 'Sở Văn hóa, Thể thao và Du lịch',
  recipient: { name: 'Hoàng Thị Ngọc Ánh', agencyName: 'Ban Dân tộc tỉnh' },
  conference: {
    title: 'Hội nghị cung cấp thông tin cho báo chí về sự việc tại xã Ea Súp',
    kind: 'EXTRAORDINARY',
    startsAt: '2027-03-05T01:30:00Z',
    endsAt: '2027-03-05T03:00:00Z',
    venue: 'Phòng họp số 2, trụ sở Ủy ban nhân dân tỉnh',
    topics: ['Thông tin về việc khiếu nại đất đai', 'Quyền của đồng bào dân tộc thiểu số'],
  },
  rsvpUrl: 'http://127.0.0.1:3000/moi/3q2-bY8xKmJc0vQh7ZrT9wLpUe4sNd6A',
  signer: { position: 'Giám đốc', name: 'Nguyễn Thị Thủy' },
};

/** Letters with diacritics (and Đ đ): what a font without full Vietnamese coverage drops or mangles. */
const vietnameseLetters = (text: string) =>
  new Set([...text.normalize('NFC')].filter((c) => /[^\x20-\x7e]/.test(c) && /\p{L}/u.test(c)));

describe('the invitation letter’s typeface', () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderInvitationLetter(model);
    text = (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
  });

  it('is Tinos (Times New Roman’s metrics, as Decree 30 asks), embedded in its four faces, and nothing else', () => {
    const fonts = new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));
    expect(fonts).toEqual(new Set(['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']));
  });

  it('puts every Vietnamese letter of the letter into its text layer', () => {
    const phrases = [
      'ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK',
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Đắk Lắk, ngày 04 tháng 3 năm 2027',
      'GIẤY MỜI',
      'Kính gửi: Ông/Bà Hoàng Thị Ngọc Ánh – Ban Dân tộc tỉnh.',
      'Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh',
      'Từ 08 giờ 30 đến 10 giờ 00, thứ Sáu, ngày 5/3/2027.',
      model.conference.title,
      model.conference.venue,
      '- Thông tin về việc khiếu nại đất đai;',
      '- Quyền của đồng bào dân tộc thiểu số.',
      'Nơi nhận:',
      'GIÁM ĐỐC',
      'Nguyễn Thị Thủy',
    ];
    for (const phrase of phrases) expect(text).toContain(phrase);
    const missing = [...vietnameseLetters(phrases.join(''))].filter((letter) => !text.includes(letter));
    expect(missing).toEqual([]);
    expect(vietnameseLetters(phrases.join('')).size).toBeGreaterThan(40);
  });

  it('sets the body at 13 pt and the header at 12 pt, as Decree 30 lays letters out', async () => {
    const sizes = new Set<number>();
    await (pdfParse as unknown as (data: Buffer, options: object) => Promise<unknown>)(pdf, {
      pagerender: async (page: { getTextContent(): Promise<{ items: Array<{ transform: number[] }> }> }) => {
        for (const item of (await page.getTextContent()).items) sizes.add(Math.round(item.transform[0] * 10) / 10);
        return '';
      },
    });
    expect(sizes).toContain(13);
    expect(sizes).toContain(12);
    expect(Math.max(...sizes)).toBe(14); // "GIẤY MỜI"
  });
});
