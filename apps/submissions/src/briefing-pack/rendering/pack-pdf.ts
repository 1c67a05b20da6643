import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDFDocument } from 'pdf-lib';
import type { AttachmentView, OrientationDocumentView, PackBriefView, RepresentativeDto } from '@pressconf/contracts';
import type { PackContents } from '../domain/pack-contents';
import { appendedPages, Inclusion, packDocuments, PackDocument, placeDocuments } from '../domain/pack-documents';
import { renderPdf } from '@pressconf/pdf';
import { appendDocuments, prependPages, ReadDocument } from './appended-documents';
import { DocumentPages, documentList, placementNote, placementOf } from './document-list';
import { formatDate, formatDateTime, formatSize, formatTimeRange, kindLabel, mediaLabel, roman } from './vietnamese';

// A4 with the margins of Decree 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm), in points.
const MM = 72 / 25.4;
const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 22 * MM];

const STYLES: StyleDictionary = {
  part: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
  heading: { fontSize: 13, bold: true, margin: [0, 0, 0, 4] },
  title: { fontSize: 13, bold: true, italics: true, margin: [0, 0, 0, 8] },
  label: { bold: true },
  note: { fontSize: 11, italics: true, color: '#444444' },
  small: { fontSize: 10, color: '#444444' },
};

function cover(contents: PackContents): Content[] {
  const { conference } = contents;
  const line = (label: string, value: string): Content => ({
    text: [{ text: `${label}: `, bold: true }, value],
    margin: [0, 0, 0, 6],
  });
  return [
    { text: 'TÀI LIỆU', fontSize: 24, bold: true, alignment: 'center', margin: [0, 120, 0, 8] },
    {
      text: `HỘI NGHỊ CUNG CẤP THÔNG TIN CHO BÁO CHÍ ${kindLabel(conference.kind).toLocaleUpperCase('vi')}`,
      fontSize: 14,
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 24],
    },
    { text: conference.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 40] },
    line('Thời gian', formatTimeRange(conference.startsAt, conference.endsAt)),
    line('Địa điểm', conference.venue || 'Theo giấy mời'),
    ...(conference.topics.length ? [line('Nội dung', conference.topics.join('; '))] : []),
    line(
      'Thành phần tài liệu',
      `${contents.orientationDocuments.length} tài liệu định hướng, ${contents.briefs.length} văn bản cung cấp thông tin`,
    ),
    {
      text: `Tài liệu được cung cấp cho đại biểu và cơ quan báo chí từ ${formatDateTime(contents.availableFrom)}.`,
      style: 'note',
      margin: [0, 40, 0, 4],
    },
    {
      text: `Phiên bản ${contents.version}, tổng hợp lúc ${formatDateTime(contents.compiledAt)}.`,
      style: 'note',
      pageBreak: 'after',
    },
  ];
}

/** The parts and agencies with their pages, then the files of the pack with the pages that hold them. */
function tableOfContents(pages: DocumentPages): Content[] {
  return [
    { toc: { title: { text: 'MỤC LỤC', style: 'part', alignment: 'center' }, numberStyle: { bold: false } } },
    ...documentList(pages),
    { text: '', pageBreak: 'after' },
  ];
}

function fileLine(
  index: number,
  file: { id: string; fileName: string; mediaType: AttachmentView['mediaType']; size: number; sha256: string },
  source: PackDocument['source'],
  pages: DocumentPages,
): Content {
  const placement = placementOf(pages, source, file.id);
  return {
    stack: [
      { text: `${index}. ${file.fileName}` },
      { text: `${mediaLabel(file.mediaType)}, ${formatSize(file.size)} — SHA-256: ${file.sha256}`, style: 'small' },
      ...(placement ? [{ text: placementNote(placement), style: 'note' }] : []),
    ],
    margin: [10 * MM, 0, 0, 4],
  };
}

/** A body as typed: blank lines separate paragraphs, single line breaks stay. */
function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, alignment: 'justify', leadingIndent: 10 * MM, margin: [0, 0, 0, 6] }));
}

/** The body an orientation document comes from (the co-host, the police, or the coordinator). */
function sourceLine(agencyName: string): Content {
  return { text: [{ text: 'Cơ quan cung cấp: ', bold: true }, agencyName], margin: [0, 0, 0, 4] };
}

function orientationSection(part: string, documents: OrientationDocumentView[], pages: DocumentPages): Content[] {
  const content: Content[] = [
    { text: `${part}. TÀI LIỆU ĐỊNH HƯỚNG THÔNG TIN`, style: 'part', tocItem: true, tocStyle: { bold: true } },
  ];
  documents.forEach((document, i) => {
    content.push(
      { text: `${i + 1}. ${document.title}`, style: 'heading', tocItem: true, tocMargin: [12, 0, 0, 0] },
      ...(document.sourceAgencyName ? [sourceLine(document.sourceAgencyName)] : []),
      ...(document.summary ? paragraphs(document.summary) : []),
      { text: 'Tệp tài liệu:', style: 'label', margin: [0, 2, 0, 2] },
      fileLine(1, document, 'orientation', pages),
    );
  });
  return content;
}

function representativesText(representatives: RepresentativeDto[]): string {
  if (representatives.length === 0) return 'Chưa đăng ký';
  return representatives.map((r) => `${r.name} – ${r.title}${r.speaks ? ' (phát biểu)' : ''}`).join('; ');
}

function metadataTable(brief: PackBriefView): Content {
  const row = (label: string, value: string) => [{ text: label, bold: true }, value];
  return {
    table: {
      widths: [150, '*'],
      body: [
        row('Cơ quan, đơn vị', brief.agencyName),
        row('Số văn bản', brief.documentNumber ?? 'Không ghi số'),
        row('Ngày ban hành', brief.issuedAt ? formatDate(brief.issuedAt) : 'Không ghi ngày'),
        row('Người ký', brief.signedBy ?? 'Không ghi'),
        row('Người dự, phát biểu', representativesText(brief.representatives)),
        row('Phiên bản được tiếp nhận', String(brief.version)),
      ],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#bbbbbb' },
    fontSize: 11,
    margin: [0, 0, 0, 10],
  };
}

function briefSection(part: string, briefs: PackBriefView[], pages: DocumentPages): Content[] {
  const content: Content[] = [
    { text: `${part}. THÔNG TIN CỦA CÁC CƠ QUAN, ĐƠN VỊ`, style: 'part', tocItem: true, tocStyle: { bold: true } },
  ];
  briefs.forEach((brief, i) => {
    content.push(
      {
        text: `${i + 1}. ${brief.agencyName}`,
        style: 'heading',
        tocItem: true,
        tocMargin: [12, 0, 0, 0],
        // Each agency's document starts on a page of its own, the first right under the part's title.
        ...(i > 0 ? { pageBreak: 'before' as const } : {}),
      },
      { text: brief.title, style: 'title' },
      metadataTable(brief),
      { text: 'Tóm tắt', style: 'label', margin: [0, 0, 0, 2] },
      { text: brief.summary, italics: true, alignment: 'justify', margin: [0, 0, 0, 8] },
      { text: 'Nội dung', style: 'label', margin: [0, 0, 0, 2] },
      ...paragraphs(brief.body),
      { text: 'Tài liệu kèm theo', style: 'label', margin: [0, 6, 0, 2] },
      ...(brief.attachments.length
        ? brief.attachments.map((attachment, n) => fileLine(n + 1, attachment, 'attachment', pages))
        : [{ text: 'Không có.', margin: [10 * MM, 0, 0, 4] } as Content]),
    );
  });
  return content;
}

/**
 * The pack's own pages: cover, contents, parts. `appended` pages follow them (the files), so the footer counts
 * them in the total; pdfmake tells the page count to the footer only, and `body.count` keeps the last one told.
 */
function definition(
  contents: PackContents,
  pages: DocumentPages,
  appended: number,
  body: { count: number },
): TDocumentDefinitions {
  const parts: Content[] = [];
  let part = 1;
  if (contents.orientationDocuments.length) {
    parts.push(...orientationSection(roman(part++), contents.orientationDocuments, pages));
  }
  if (contents.briefs.length) {
    if (parts.length) parts.push({ text: '', pageBreak: 'after' });
    parts.push(...briefSection(roman(part), contents.briefs, pages));
  }
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'vi-VN',
    info: {
      title: `Tài liệu hội nghị: ${contents.conference.title}`,
      subject: `Tài liệu phiên bản ${contents.version}`,
      creator: 'pressconf',
    },
    defaultStyle: { fontSize: 13, lineHeight: 1.2 },
    styles: STYLES,
    footer: (currentPage: number, pageCount: number) => {
      body.count = pageCount;
      if (currentPage === 1) return null;
      return {
        columns: [
          { text: contents.conference.title, style: 'small', width: '*' },
          { text: `Trang ${currentPage}/${pageCount + appended}`, style: 'small', alignment: 'right', width: 80 },
        ],
        margin: [PAGE_MARGINS[0], 8, PAGE_MARGINS[2], 0],
      };
    },
    content: [...cover(contents), ...tableOfContents(pages), ...parts],
  };
}

/**
 * The pack's own pages, with the files' page numbers in its contents: they follow the body, whose length they may
 * change, so it is laid out again until the two agree (twice, mostly).
 */
async function renderBody(
  contents: PackContents,
  documents: PackDocument[],
  inclusions: Inclusion[],
): Promise<{ pdf: Buffer; pageCount: number }> {
  const appended = appendedPages(inclusions);
  let guess = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const body = { count: 0 };
    const pages = { documents, placements: placeDocuments(inclusions, guess) };
    const pdf = await renderPdf(definition(contents, pages, appended, body));
    if (body.count === guess || appended === 0) return { pdf, pageCount: body.count };
    guess = body.count;
  }
  throw new Error('The page numbers of the briefing pack do not settle');
}

/**
 * The briefing pack as one PDF in Vietnamese: cover, contents, orientation documents, briefs, then the pages of
 * their PDF files and images, which the contents list with their page numbers. `read` fetches a file's bytes: the
 * files are read one at a time, while they are appended.
 */
export async function renderBriefingPack(
  contents: PackContents,
  read: ReadDocument,
): Promise<{ pdf: Buffer; pageCount: number }> {
  const documents = packDocuments(contents);
  const pack = await PDFDocument.create();
  const inclusions = await appendDocuments(pack, documents, read);
  const body = await renderBody(contents, documents, inclusions);
  if (pack.getPageCount() === 0) return body;
  await prependPages(pack, body.pdf);
  pack.setTitle(`Tài liệu hội nghị: ${contents.conference.title}`);
  pack.setSubject(`Tài liệu phiên bản ${contents.version}`);
  pack.setCreator('pressconf');
  pack.setLanguage('vi-VN');
  return { pdf: Buffer.from(await pack.save()), pageCount: pack.getPageCount() };
}
