import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { pdfFile } from '../../../test/fixtures/files';
import { SAMPLE_PACK } from '../../../test/fixtures/pack';
import { renderBriefingPack } from './pack-pdf';

/** The sample's files: its orientation document is a one-page PDF (its DOCX is never read). */
const readSample = () => Promise.resolve(pdfFile());

/** pdf.js splits lines where the layout does; join them back to compare running text. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('renderBriefingPack', () => {
  let text: string;
  let numpages: number;
  let pageCount: number;
  let pdf: Buffer;

  beforeAll(async () => {
    ({ pdf, pageCount } = await renderBriefingPack(SAMPLE_PACK, readSample));
    ({ text, numpages } = await pdfParse(pdf));
    text = flatten(text);
  });

  it('renders a PDF and knows its page count', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount).toBe(numpages);
    expect(pageCount).toBeGreaterThanOrEqual(4); // cover, contents, orientation, one brief
  });

  it('puts the conference on the cover, in Vietnamese with its diacritics', () => {
    expect(text).toContain('HỘI NGHỊ CUNG CẤP THÔNG TIN CHO BÁO CHÍ ĐỊNH KỲ');
    expect(text).toContain('Hội nghị cung cấp thông tin về công tác nhân quyền tháng 12/2026');
    expect(text).toContain('09:00 – 11:00, thứ Ba, ngày 15/12/2026');
    expect(text).toContain('Phiên bản 2');
  });

  it('has a table of contents naming each part and each agency', () => {
    expect(text).toContain('MỤC LỤC');
    const contents = text.slice(text.indexOf('MỤC LỤC'));
    expect(contents).toContain('I. TÀI LIỆU ĐỊNH HƯỚNG THÔNG TIN');
    expect(contents).toContain('II. THÔNG TIN CỦA CÁC CƠ QUAN, ĐƠN VỊ');
    expect(contents).toContain('1. Sở Nông nghiệp và Môi trường');
  });

  it('prints each brief with its document metadata and lists its attachments', () => {
    for (const expected of [
      'Báo cáo tình hình giải quyết tranh chấp đất đai quý IV',
      '125/BC-SNNMT',
      'ngày 5/12/2026',
      'Phó Giám đốc Đỗ Thị Lan',
      'Đỗ Thị Lan – Phó Giám đốc (phát biểu)',
      'người dân được hướng dẫn đầy đủ quyền và nghĩa vụ',
      'bang-thong-ke.docx',
      'Word (DOCX), 1,2 MB',
      'Định hướng tuyên truyền về công tác bảo đảm quyền con người',
      'Cơ quan cung cấp: Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Krông Búk và Ea H’leo',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the representatives’ names and titles, never their e-mail addresses or telephone numbers', async () => {
    const reachable = { email: 'lan.dt@snnmt.daklak.gov.vn', phone: '+84 262 3852 111' };
    const withContacts = {
      ...SAMPLE_PACK,
      briefs: SAMPLE_PACK.briefs.map((b) => ({
        ...b,
        representatives: b.representatives.map((r) => ({ ...r, ...reachable })),
      })),
    };
    const printed = flatten((await pdfParse((await renderBriefingPack(withContacts, readSample)).pdf)).text);
    expect(printed).toContain('Đỗ Thị Lan – Phó Giám đốc (phát biểu)');
    expect(printed).not.toContain(reachable.email);
    expect(printed).not.toContain('3852');
  });
});

describe('renderBriefingPack with a body of one very long word (found by API fuzzing)', () => {
  it('lays it out across pages, every character kept, instead of holding the process for minutes', async () => {
    const word = 'Đắk'.repeat(7_000); // 21,000 characters, no break opportunity
    const brief = { ...SAMPLE_PACK.briefs[0], title: word.slice(0, 400), body: word };
    const { pdf, pageCount } = await renderBriefingPack({ ...SAMPLE_PACK, briefs: [brief] }, readSample);
    const { text } = await pdfParse(pdf);
    expect(pageCount).toBeGreaterThan(5);
    // Every 'Đắk' of the body is there but the few a page break cuts (the footer comes between its letters).
    const found = text.replace(/[\s\u200B]+/g, '').split('Đắk').length - 1;
    expect(found).toBeGreaterThan(7_000 - 20);
  }, 30_000);
});
