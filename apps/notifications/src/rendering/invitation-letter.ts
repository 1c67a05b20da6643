import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ConferenceHostRole } from '@pressconf/contracts';
import { renderPdf } from '@pressconf/pdf';
import { DISPLAY_ZONE, Instant, formatDate, kindLabel, toZoned } from './format';
import type { AgendaItem, MailConference } from './mail-models';

export interface InvitationLetterModel {
  /** Number and symbol as printed after "Số:", e.g. "12/GM-STTTT" (see formatLetterNumber). */
  number: string;
  issuedAt: Instant;
  /** Place name of the date line, from the province profile, e.g. "Khánh Hòa". */
  place: string;
  /** The province's kind of unit, as the body names its People's Committee: "tỉnh" (default) or "thành phố". */
  unit?: string;
  /** Governing body, from the province profile, e.g. "UBND TỈNH KHÁNH HÒA". */
  parentBody: string;
  /** Issuing body, e.g. "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH". */
  issuingBody: string;
  recipient: { name: string; agencyName: string };
  /** The host agencies the call named, each with its host roles; none for calls of earlier versions. */
  hosts?: Array<{ name: string; roles: ConferenceHostRole[] }>;
  conference: MailConference;
  agenda?: AgendaItem[];
  rsvpUrl: string;
  /** `position` may hold several lines separated by "\n", e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  signer: { position: string; name: string };
  /** The line under "GIẤY MỜI"; defaults to one built from the conference kind. */
  subject?: string;
  zone?: string;
}

/** "12/GM-STTTT": Decree 30/2020/NĐ-CP writes numbers below 10 with a leading zero ("01/GM-…"). */
export function formatLetterNumber(sequence: number, issuerCode: string): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Invalid letter sequence ${sequence}`);
  if (!issuerCode.trim()) throw new RangeError('Missing issuer code');
  return `${String(sequence).padStart(2, '0')}/GM-${issuerCode.trim()}`;
}

/** "Khánh Hòa, ngày 05 tháng 3 năm 2027": per Decree 30, days below 10 and months 1 and 2 take a leading zero. */
export function formatLetterDate(issuedAt: Instant, place: string, zone: string = DISPLAY_ZONE): string {
  const at = toZoned(issuedAt, zone);
  const month = at.month <= 2 ? String(at.month).padStart(2, '0') : String(at.month);
  return `${place}, ngày ${String(at.day).padStart(2, '0')} tháng ${month} năm ${at.year}`;
}

/** "Từ 09 giờ 00 đến 11 giờ 00, thứ Hai, ngày 15/3/2027", the way letters write times. */
export function formatLetterTime(start: Instant, end: Instant, zone: string = DISPLAY_ZONE): string {
  const from = toZoned(start, zone);
  const to = toZoned(end, zone);
  const clock = (at: typeof from): string => at.toFormat("HH 'giờ' mm");
  if (from.hasSame(to, 'day')) return `Từ ${clock(from)} đến ${clock(to)}, ${formatDate(start, 'vi', zone)}`;
  return `Từ ${clock(from)}, ${formatDate(start, 'vi', zone)} đến ${clock(to)}, ${formatDate(end, 'vi', zone)}`;
}

// A4 with the margins of Decree 30 (top and bottom 20 mm, left 30 mm, right 15 mm), in points.
const MM = 72 / 25.4;
const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
// In Times New Roman's metrics (Tinos), a department's name and the national motto, both 12 pt bold, need the whole
// text width: the header reaches 12 pt into the right margin, as the Decree's templates let it.
const HEADER_LEFT_WIDTH = 222;
const HEADER_OVERHANG = 12;
const COLUMN_GAP = 8;

/** A horizontal rule of `length`, centred in a box `width` wide. */
function rule(width: number, length: number, margin: [number, number, number, number]): Content {
  const x1 = (width - length) / 2;
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }], margin };
}

function defaultSubject(conference: MailConference): string {
  return conference.kind === 'PERIODIC'
    ? 'Dự Hội nghị giao ban báo chí định kỳ kết hợp cung cấp thông tin cho báo chí'
    : 'Dự Hội nghị cung cấp thông tin cho báo chí đột xuất';
}

/** What each host does at the conference, as the plan puts it (BRIEF.md, "Roles"). */
const HOST_DUTIES: Readonly<Record<ConferenceHostRole, string>> = {
  CO_HOST: 'đồng chủ trì',
  HUMAN_RIGHTS_STANDING_OFFICE: 'thường trực Ban Chỉ đạo về nhân quyền',
  COORDINATOR: 'cơ quan đầu mối',
  PRESS_BRIEFING_CO_CHAIR: 'đồng chủ trì giao ban báo chí',
};

/** "Công an tỉnh (thường trực Ban Chỉ đạo về nhân quyền)". */
export function hostLine(host: { name: string; roles: ConferenceHostRole[] }): string {
  return `${host.name} (${host.roles.map((role) => HOST_DUTIES[role]).join(', ')})`;
}

// Kept in one piece: justification would otherwise break it after the slash and widen the gap.
const HONORIFIC: Content = { text: 'Ông/Bà', noWrap: true };

/** Administrative style for enumerations: "- a;", "- b;", "- c." */
function dashList(lines: string[]): Content[] {
  return lines.map((line, i) => ({
    text: `- ${line}${i === lines.length - 1 ? '.' : ';'}`,
    alignment: 'justify',
    margin: [10 * MM, 0, 0, 3],
  }));
}

function paragraph(text: Content[] | string, margin: [number, number, number, number] = [0, 0, 0, 6]): Content {
  return { text, alignment: 'justify', leadingIndent: 10 * MM, margin };
}

function body(model: InvitationLetterModel, zone: string): Content[] {
  const { conference } = model;
  const unit = model.unit ?? 'tỉnh';
  const bold = (text: string): Content => ({ text, bold: true });
  const combined =
    conference.kind === 'PERIODIC'
      ? `, tổ chức lồng ghép với Hội nghị giao ban báo chí định kỳ hằng tháng của ${unit}`
      : '';
  const kind = `Hội nghị cung cấp thông tin cho báo chí ${kindLabel(conference.kind)}${combined}.`;
  const sections: Content[] = [
    paragraph([
      `Thực hiện Kế hoạch của Ủy ban nhân dân ${unit} về tổ chức Hội nghị cung cấp thông tin cho báo chí, trân trọng kính mời `,
      HONORIFIC,
      ' tham dự ',
      bold(conference.title),
      ', cụ thể như sau:',
    ]),
    paragraph([bold('1. Thời gian: '), `${formatLetterTime(conference.startsAt, conference.endsAt, zone)}.`]),
    paragraph([bold('2. Địa điểm: '), `${conference.venue}.`]),
    paragraph([bold('3. Hình thức: '), kind]),
  ];
  let section = 4;
  const hosts = model.hosts ?? [];
  if (hosts.length) {
    // One paragraph, not a list: the letter stays on its one page.
    sections.push(paragraph([bold(`${section++}. Cơ quan chủ trì: `), `${hosts.map(hostLine).join('; ')}.`]));
  }
  if (conference.topics.length) {
    sections.push(paragraph([bold(`${section++}. Nội dung:`)], [0, 0, 0, 3]), ...dashList(conference.topics));
  }
  const agenda = model.agenda ?? [];
  if (agenda.length) {
    const lines = agenda.map((entry) => {
      const details = [entry.presenter, entry.durationMinutes ? `${entry.durationMinutes} phút` : undefined]
        .filter(Boolean)
        .join('; ');
      return details ? `${entry.title} (${details})` : entry.title;
    });
    sections.push(paragraph([bold(`${section}. Chương trình:`)], [0, 3, 0, 3]), ...dashList(lines));
  }
  sections.push(
    paragraph(
      ['Đề nghị ', HONORIFIC, ' xác nhận tham dự, không tham dự hoặc cử người dự thay tại địa chỉ:'],
      [0, 3, 0, 2],
    ),
    // On a line of its own: justified, a long token link would be stretched across the line.
    { text: model.rsvpUrl, link: model.rsvpUrl, color: '#1d4ed8', fontSize: 12, margin: [10 * MM, 0, 0, 6] },
    paragraph(['Rất mong ', HONORIFIC, ' sắp xếp thời gian tham dự đúng giờ./.']),
  );
  return sections;
}

function documentDefinition(model: InvitationLetterModel): TDocumentDefinitions {
  const zone = model.zone ?? DISPLAY_ZONE;
  const subject = model.subject ?? defaultSubject(model.conference);
  const rightWidth = CONTENT_WIDTH + HEADER_OVERHANG - HEADER_LEFT_WIDTH - COLUMN_GAP;
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'vi-VN',
    info: {
      title: `Giấy mời số ${model.number}`,
      subject: model.conference.title,
      author: model.issuingBody,
      creator: 'pressconf',
    },
    // Tinos, Times New Roman's metrics (see @pressconf/pdf), at the 13 pt of Decree 30's body text.
    defaultStyle: { fontSize: 13, lineHeight: 1.15 },
    content: [
      {
        columnGap: COLUMN_GAP,
        margin: [0, 0, -HEADER_OVERHANG, 0],
        columns: [
          {
            width: HEADER_LEFT_WIDTH,
            alignment: 'center',
            fontSize: 12,
            lineHeight: 1,
            stack: [
              { text: model.parentBody.toLocaleUpperCase('vi') },
              { text: model.issuingBody.toLocaleUpperCase('vi'), bold: true },
              rule(HEADER_LEFT_WIDTH, 60, [0, 5, 0, 0]),
            ],
          },
          {
            width: rightWidth,
            alignment: 'center',
            lineHeight: 1,
            stack: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
              { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, decoration: 'underline' },
            ],
          },
        ],
      },
      {
        columnGap: COLUMN_GAP,
        margin: [0, 8, -HEADER_OVERHANG, 0],
        columns: [
          { width: HEADER_LEFT_WIDTH, alignment: 'center', text: `Số: ${model.number}` },
          {
            width: rightWidth,
            alignment: 'center',
            italics: true,
            text: formatLetterDate(model.issuedAt, model.place, zone),
          },
        ],
      },
      { text: 'GIẤY MỜI', bold: true, fontSize: 14, alignment: 'center', margin: [0, 24, 0, 2] },
      { text: subject, bold: true, alignment: 'center' },
      rule(CONTENT_WIDTH, 80, [0, 5, 0, 12]),
      {
        text: `Kính gửi: Ông/Bà ${model.recipient.name} – ${model.recipient.agencyName}.`,
        alignment: 'center',
        margin: [0, 0, 0, 12],
      },
      ...body(model, zone),
      {
        unbreakable: true,
        margin: [0, 12, 0, 0],
        columns: [
          {
            width: '45%',
            stack: [
              { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
              { text: '- Như trên;', fontSize: 11 },
              { text: '- Lưu: VT.', fontSize: 11 },
            ],
          },
          {
            width: '*',
            alignment: 'center',
            stack: [
              { text: model.signer.position.toLocaleUpperCase('vi'), bold: true },
              // Room for the signature and the seal.
              { text: model.signer.name, bold: true, margin: [0, 72, 0, 0] },
            ],
          },
        ],
      },
    ],
  };
}

/** The official invitation letter (giấy mời) as a PDF, in the format of Decree 30/2020/NĐ-CP. */
export function renderInvitationLetter(model: InvitationLetterModel): Promise<Buffer> {
  return renderPdf(documentDefinition(model));
}
