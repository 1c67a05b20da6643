import { DateTime } from 'luxon';
import type { Content, TableCell } from 'pdfmake/interfaces';

/**
 * The page of a report under Decree 30/2020/NĐ-CP: its margins, the two-column header (issuing body and national
 * motto, number and date line), and the blocks the report is written in.
 */
/** Who issues the report and how it is signed: the province profile's letter settings. */
export interface ReportLetterhead {
  /** "UBND TỈNH ĐẮK LẮK". */
  parentBody: string;
  /** "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH". */
  issuingBody: string;
  /** Code of its documents' numbers: "SVHTTDL". */
  issuerCode: string;
  /** Place of the date line. */
  place: string;
  /** "Ủy ban nhân dân tỉnh Đắk Lắk": whom the report is addressed to. */
  peoplesCommittee: string;
  signer: { position: string; name: string };
}

// A4 with the margins of Decree 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm), in points.
const MM = 72 / 25.4;
export const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const HEADER_LEFT = 222;
// As in the invitation letter: the motto, 12 pt bold, needs the whole text width, so the header reaches 12 pt into
// the right margin, as the Decree's templates let it.
const HEADER_OVERHANG = 12;

export const heading = (text: string): Content => ({ text, bold: true, margin: [0, 10, 0, 4] });
export const paragraph = (text: string): Content => ({
  text,
  alignment: 'justify',
  leadingIndent: 10 * MM,
  margin: [0, 0, 0, 5],
});
export const rule = (width: number, length: number): Content => ({
  canvas: [{ type: 'line', x1: (width - length) / 2, y1: 0, x2: (width + length) / 2, y2: 0, lineWidth: 0.6 }],
  margin: [0, 4, 0, 0],
});
export const chart = (svg: string): Content => ({
  svg,
  width: CONTENT_WIDTH - 20,
  alignment: 'center',
  margin: [0, 4, 0, 6],
});

export function table(head: string[], rows: Array<Array<string | number>>, widths: Array<number | string>): Content {
  const cell = (value: string | number, bold = false): TableCell => ({
    text: typeof value === 'number' ? String(value) : value,
    bold,
    // Figures (hours are written with a decimal comma, a missing one as a dash) centred under their heading.
    alignment: bold || typeof value === 'number' || /^[\d,—]+$/.test(value) ? 'center' : 'left',
  });
  return {
    fontSize: 10.5,
    lineHeight: 1,
    margin: [0, 2, 0, 6],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [head.map((title) => cell(title, true)), ...rows.map((row) => row.map((value) => cell(value)))],
    },
  };
}

export function reportHeader(letterhead: ReportLetterhead, issuedAt: DateTime): Content[] {
  const right = CONTENT_WIDTH + HEADER_OVERHANG - HEADER_LEFT - 8;
  const month = issuedAt.month <= 2 ? String(issuedAt.month).padStart(2, '0') : String(issuedAt.month);
  return [
    {
      columns: [
        {
          width: HEADER_LEFT,
          alignment: 'center',
          fontSize: 12,
          stack: [
            letterhead.parentBody.toLocaleUpperCase('vi'),
            { text: letterhead.issuingBody.toLocaleUpperCase('vi'), bold: true },
            rule(HEADER_LEFT, 60),
          ],
        },
        {
          width: right,
          alignment: 'center',
          stack: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
            { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
            rule(right, 150),
          ],
        },
      ],
      columnGap: 8,
      margin: [0, 0, -HEADER_OVERHANG, 0],
    },
    {
      columnGap: 8,
      margin: [0, 8, -HEADER_OVERHANG, 0],
      columns: [
        // The number is given when the report is registered and signed (Decree 30): left blank for the clerk.
        { width: HEADER_LEFT, alignment: 'center', text: `Số:        /BC-${letterhead.issuerCode}` },
        {
          width: right,
          alignment: 'center',
          italics: true,
          text: `${letterhead.place}, ngày ${String(issuedAt.day).padStart(2, '0')} tháng ${month} năm ${issuedAt.year}`,
        },
      ],
    },
  ];
}
