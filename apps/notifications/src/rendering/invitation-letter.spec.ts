import {
  InvitationLetterModel,
  formatLetterDate,
  formatLetterNumber,
  formatLetterTime,
  hostLine,
  renderInvitationLetter,
} from './invitation-letter';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

const model: InvitationLetterModel = {
  number: '12/GM-STTTT',
  issuedAt: new Date('2027-03-04T18:30:00Z'), // 01:30 on 5 March in Asia/Ho_Chi_Minh
  place: 'Đắk Lắk',
  parentBody: 'UBND TỈNH ĐẮK LẮK',
  issuingBody: 'Sở Văn hóa, Thể thao và Du lịch',
  recipient: { name: 'Nguyễn Văn An', agencyName: 'Sở Tư pháp tỉnh Đắk Lắk' },
  conference: {
    title: 'Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027',
    kind: 'PERIODIC',
    startsAt: '2027-03-15T02:00:00Z',
    endsAt: '2027-03-15T04:00:00Z',
    venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, phường Buôn Ma Thuột',
    topics: ['Kết quả công tác bảo đảm quyền con người quý I/2027', 'Thông tin đối ngoại nổi bật trong tháng'],
  },
  agenda: [
    { title: 'Khai mạc, giới thiệu đại biểu', presenter: 'Lãnh đạo Sở', durationMinutes: 10 },
    { title: 'Cung cấp thông tin về công tác nhân quyền', presenter: 'Công an tỉnh', durationMinutes: 30 },
    { title: 'Trao đổi, trả lời câu hỏi của phóng viên' },
  ],
  rsvpUrl: 'http://127.0.0.1:3000/api/v1/invitations/3q2-bY8xKmJc0vQh7ZrT9wLpUe4sNd6A',
  signer: { position: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Trần Thị Bình' },
};

/** pdf.js splits lines where the layout does; join them back to compare running text. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('renderInvitationLetter', () => {
  let text: string;
  let pages: number;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderInvitationLetter(model);
    ({ text, numpages: pages } = await pdfParse(pdf));
  });

  it('renders one A4 page of PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBe(1);
  });

  it('carries the national motto header, the issuing bodies, the number and the date line', () => {
    for (const line of [
      'UBND TỈNH ĐẮK LẮK',
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/GM-STTTT',
      'Đắk Lắk, ngày 05 tháng 3 năm 2027',
      'GIẤY MỜI',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('keeps the Vietnamese of the conference intact', () => {
    const flat = flatten(text);
    expect(flat).toContain('Kính gửi: Ông/Bà Nguyễn Văn An – Sở Tư pháp tỉnh Đắk Lắk.');
    expect(flat).toContain('Hội nghị cung cấp thông tin về công tác nhân quyền tháng 3/2027');
    expect(flat).toContain('Từ 09 giờ 00 đến 11 giờ 00, thứ Hai, ngày 15/3/2027.');
    expect(flat).toContain(model.conference.venue);
    expect(flat).toContain('- Kết quả công tác bảo đảm quyền con người quý I/2027;');
    expect(flat).toContain('- Thông tin đối ngoại nổi bật trong tháng.');
    expect(flat).toContain('- Khai mạc, giới thiệu đại biểu (Lãnh đạo Sở; 10 phút);');
    expect(flat).toContain('- Trao đổi, trả lời câu hỏi của phóng viên.');
    expect(flat).toContain('lồng ghép với Hội nghị giao ban báo chí định kỳ hằng tháng');
    expect(flat.replace(/ /g, '')).toContain(model.rsvpUrl);
  });

  it('closes with the recipients block and the signature block', () => {
    for (const line of ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Thị Bình']) {
      expect(text).toContain(line);
    }
  });

  it('covers every precomposed Vietnamese letter (U+1EA0–U+1EF9) and Ă Đ Ơ Ư', async () => {
    const letters = Array.from({ length: 0x1ef9 - 0x1ea0 + 1 }, (_, i) => String.fromCodePoint(0x1ea0 + i)).join('');
    const title = `${letters} ĂăĐđƠơƯư`;
    const extracted = await pdfParse(
      await renderInvitationLetter({ ...model, conference: { ...model.conference, title } }),
    );
    expect(flatten(extracted.text).replace(/ /g, '')).toContain(title.replace(/ /g, ''));
  });

  it('names the hosts the call named, each with what it does, on the one page', async () => {
    const hosts = [
      { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', roles: ['CO_HOST' as const] },
      { name: 'Công an tỉnh Đắk Lắk', roles: ['HUMAN_RIGHTS_STANDING_OFFICE' as const] },
      { name: 'Sở Văn hóa, Thể thao và Du lịch', roles: ['COORDINATOR' as const] },
      { name: 'Hội Nhà báo tỉnh Đắk Lắk', roles: ['PRESS_BRIEFING_CO_CHAIR' as const] },
    ];
    const hosted = await pdfParse(await renderInvitationLetter({ ...model, hosts }));
    const flat = flatten(hosted.text);
    expect(hosted.numpages).toBe(1);
    expect(flat).toContain(
      '4. Cơ quan chủ trì: Ban Tuyên giáo và Dân vận Tỉnh ủy (đồng chủ trì); Công an tỉnh Đắk Lắk (thường trực Ban ' +
        'Chỉ đạo về nhân quyền); Sở Văn hóa, Thể thao và Du lịch (cơ quan đầu mối); Hội Nhà báo tỉnh Đắk Lắk (đồng ' +
        'chủ trì giao ban báo chí).',
    );
    expect(flat).toContain('5. Nội dung:');
    expect(hostLine({ name: 'Sở Văn hóa', roles: ['CO_HOST', 'COORDINATOR'] })).toBe(
      'Sở Văn hóa (đồng chủ trì, cơ quan đầu mối)',
    );
  });

  it('writes an extraordinary conference without the monthly briefing', async () => {
    const conference = { ...model.conference, kind: 'EXTRAORDINARY' as const };
    const extraordinary = await pdfParse(await renderInvitationLetter({ ...model, agenda: undefined, conference }));
    const flat = flatten(extraordinary.text);
    expect(flat).toContain('Dự Hội nghị cung cấp thông tin cho báo chí đột xuất');
    expect(flat).toContain('Hội nghị cung cấp thông tin cho báo chí đột xuất.');
    expect(flat).not.toContain('giao ban');
    expect(flat).not.toContain('Chương trình');
  });
});

describe('letter formatting', () => {
  it('numbers letters the Decree 30 way', () => {
    expect(formatLetterNumber(12, 'STTTT')).toBe('12/GM-STTTT');
    expect(formatLetterNumber(3, 'SVHTTDL')).toBe('03/GM-SVHTTDL');
    expect(() => formatLetterNumber(0, 'STTTT')).toThrow(RangeError);
    expect(() => formatLetterNumber(1.5, 'STTTT')).toThrow(RangeError);
    expect(() => formatLetterNumber(1, ' ')).toThrow(RangeError);
  });

  it('pads days below 10 and months 1 and 2 only', () => {
    expect(formatLetterDate('2027-03-05T03:00:00Z', 'Đắk Lắk')).toBe('Đắk Lắk, ngày 05 tháng 3 năm 2027');
    expect(formatLetterDate('2027-02-14T03:00:00Z', 'Đắk Lắk')).toBe('Đắk Lắk, ngày 14 tháng 02 năm 2027');
    expect(formatLetterDate('2027-12-31T16:59:00Z', 'Đắk Lắk')).toBe('Đắk Lắk, ngày 31 tháng 12 năm 2027');
  });

  it('writes times as letters do', () => {
    expect(formatLetterTime('2027-03-15T02:00:00Z', '2027-03-15T04:30:00Z')).toBe(
      'Từ 09 giờ 00 đến 11 giờ 30, thứ Hai, ngày 15/3/2027',
    );
    expect(formatLetterTime('2027-03-15T02:00:00Z', '2027-03-16T02:00:00Z')).toBe(
      'Từ 09 giờ 00, thứ Hai, ngày 15/3/2027 đến 09 giờ 00, thứ Ba, ngày 16/3/2027',
    );
  });
});
