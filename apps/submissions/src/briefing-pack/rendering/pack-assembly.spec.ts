import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { renderPdf } from '@pressconf/pdf';
import { docxFile, pdfFile, pdfWith, pngFile } from '../../../test/fixtures/files';
import { SAMPLE_PACK } from '../../../test/fixtures/pack';
import type { PackContents } from '../domain/pack-contents';
import type { PackDocument } from '../domain/pack-documents';
import { renderBriefingPack } from './pack-pdf';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const flatten = (text: string) => text.replace(/\s+/g, ' ');

interface PdfPage {
  getTextContent(): Promise<{ items: Array<{ str: string }> }>;
}
// pdf-parse takes a renderer of each page, which its typings (test/support) leave out.
const parseByPage = pdfParse as unknown as (
  data: Buffer,
  options: { pagerender: (page: PdfPage) => Promise<string> },
) => Promise<{ numpages: number }>;

/** The text of each page. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const texts: string[] = [];
  await parseByPage(pdf, {
    pagerender: async (page) => {
      const text = flatten((await page.getTextContent()).items.map((item) => item.str).join(' '));
      texts.push(text);
      return text;
    },
  });
  return texts;
}

const file = (id: string, fileName: string, mediaType: PackDocument['mediaType'], content: Buffer) => ({
  view: { id, fileName, mediaType, size: content.length, sha256: 'c'.repeat(64), briefVersion: 1 },
  content,
});

describe('renderBriefingPack with the files appended', () => {
  const twoPages = renderPdf({
    content: [
      { text: 'Phụ lục số liệu giải quyết đơn thư, trang một', pageBreak: 'after' },
      { text: 'Phụ lục số liệu giải quyết đơn thư, trang hai' },
    ],
  });
  const encrypted = pdfWith(['<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>'], {
    trailerEntries: '/Encrypt 4 0 R',
  });
  let files: ReturnType<typeof file>[];
  let contents: PackContents;
  let reads: string[];
  let pdf: Buffer;
  let pageCount: number;
  let pages: string[];

  beforeAll(async () => {
    files = [
      file('9a000000-0000-4000-8000-000000000001', 'so-lieu.pdf', 'application/pdf', await twoPages),
      file('9a000000-0000-4000-8000-000000000002', 'bang-bieu.docx', DOCX, docxFile()),
      file('9a000000-0000-4000-8000-000000000003', 'hong.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n%%EOF')),
      file('9a000000-0000-4000-8000-000000000004', 'mat-khau.pdf', 'application/pdf', encrypted),
    ];
    const orientationPng = pngFile();
    contents = {
      ...SAMPLE_PACK,
      orientationDocuments: [
        { ...SAMPLE_PACK.orientationDocuments[0], fileName: 'anh.png', mediaType: 'image/png', size: 70 },
      ],
      briefs: [
        { ...SAMPLE_PACK.briefs[0], attachments: files.map((f) => ({ ...f.view, uploadedAt: '', uploadedBy: '' })) },
      ],
    };
    reads = [];
    let reading = 0;
    const read = async (document: PackDocument) => {
      expect(reading).toBe(0); // one file at a time
      reading += 1;
      reads.push(document.fileName);
      await new Promise((resolve) => setTimeout(resolve, 5));
      reading -= 1;
      return document.source === 'orientation' ? orientationPng : files.find((f) => f.view.id === document.id)!.content;
    };
    ({ pdf, pageCount } = await renderBriefingPack(contents, read));
    pages = await pageTexts(pdf);
  }, 30_000);

  it('appends the PNG as one page and the two-page PDF as two, after the pack’s own pages', () => {
    expect(pageCount).toBe(pages.length);
    const [first, second] = [pages.length - 1, pages.length].map((n) => pages[n - 1]);
    expect(first).toContain('Phụ lục số liệu giải quyết đơn thư, trang một');
    expect(second).toContain('Phụ lục số liệu giải quyết đơn thư, trang hai');
    expect(second).toContain(`Trang ${pages.length}/${pages.length}`);
    // The image's page comes before them, with nothing but the image and its number; the pack's own pages before.
    const body = pages.length - 3;
    expect(pages[body].trim()).toBe(`Trang ${body + 1}/${pages.length}`);
    expect(pages[body - 1]).toContain(`${SAMPLE_PACK.conference.title} Trang ${body}/${pages.length}`);
  });

  it('says in the contents and beside each file which pages hold it, or why it is not in the pack', () => {
    const body = pages.length - 3;
    // pdf.js splits words at hyphens and dashes: compare without spaces.
    const contentsPage = pages.find((text) => text.includes('MỤC LỤC'))!.replace(/ /g, '');
    expect(contentsPage).toContain('TỆPTÀILIỆUKÈMTHEO');
    expect(contentsPage).toContain(`anh.pngĐịnhhướngtuyêntruyềnvềcôngtácbảođảmquyềnconngười—ẢnhPNG,70B${body + 1}`);
    expect(contentsPage).toContain(`so-lieu.pdfSởNôngnghiệpvàMôitrường—PDF,9KB${body + 2}–${body + 3}`);
    expect(contentsPage).toContain('bang-bieu.docxSởNôngnghiệpvàMôitrường—Word(DOCX)');
    const all = pages.join('').replace(/ /g, '');
    for (const note of [
      `Ghép vào tập tài liệu: trang ${body + 2}–${body + 3}.`,
      `Ghép vào tập tài liệu: trang ${body + 1}.`,
      'Tệp Word không được chuyển sang PDF nên không ghép vào tập tài liệu',
      'Tệp bị lỗi, không đọc được nên không ghép được vào tập tài liệu',
      'Tệp PDF được mã hóa (có mật khẩu) nên không ghép được vào tập tài liệu',
    ]) {
      expect(all).toContain(note.replace(/ /g, ''));
    }
  });

  it('reads each file once, in order, and never the Word document it does not convert', () => {
    expect(reads).toEqual(['anh.png', 'so-lieu.pdf', 'hong.pdf', 'mat-khau.pdf']);
  });

  it('keeps the pack in Tinos, with its title', async () => {
    const pack = await PDFDocument.load(pdf);
    const fonts = pack.context
      .enumerateIndirectObjects()
      .map(([, object]) => (object instanceof PDFDict ? object.get(PDFName.of('BaseFont')) : undefined))
      .filter((name): name is PDFName => name instanceof PDFName)
      .map((name) => name.decodeText().replace(/^[A-Z]{6}\+/, ''));
    expect(new Set(fonts)).toEqual(
      new Set(['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic', 'Times-Roman']),
    );
    expect(pack.getTitle()).toBe(`Tài liệu hội nghị: ${SAMPLE_PACK.conference.title}`);
  });

  it('lists a one-page PDF as it is when nothing is broken', async () => {
    const { pdf: plain, pageCount: n } = await renderBriefingPack(SAMPLE_PACK, () => Promise.resolve(pdfFile()));
    expect((await pdfParse(plain)).numpages).toBe(n);
    expect((await pdfParse(plain)).text.replace(/\s/g, '')).toContain(`Ghépvàotậptàiliệu:trang${n}.`);
  });
});
