import { DateTime } from 'luxon';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ActivityReport, InvitationFigures } from '@pressconf/contracts';
import { renderPdf } from '@pressconf/pdf';
import { periodDays, summaryParagraphs, vietnameseDate, vietnameseNumber } from './summary';
import {
  chart,
  CONTENT_WIDTH,
  heading,
  PAGE_MARGINS,
  paragraph,
  ReportLetterhead,
  reportHeader,
  rule,
  table,
} from './report-layout';

/** The three charts as SVG (rendering/charts.ts). */
export interface ReportCharts {
  conferencesPerMonth: string;
  conveneTime: string | null;
  briefsPerAgency: string | null;
}

function invitationRow(who: string, f: InvitationFigures): Array<string | number> {
  return [who, f.invited, f.delivered, f.failed, f.accepted, f.declined, f.delegated, f.silent];
}

const OUTCOME = { KEPT: 'Đúng hạn', BREACHED: 'Quá hạn', OPEN: 'Còn trong hạn' } as const;

function sections(report: ActivityReport, charts: ReportCharts, zone: string): Content[] {
  const at = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone }).toFormat("HH'h'mm ") + vietnameseDate(DateTime.fromISO(iso, { zone })) : '—';
  const hours = (value: number | null) => (value === null ? '—' : vietnameseNumber(value));
  const monthName = (month: string) => `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`;
  return [
    heading('I. TÓM TẮT'),
    ...summaryParagraphs(report, zone).map(paragraph),
    heading('II. HỘI NGHỊ ĐÃ TỔ CHỨC'),
    table(
      ['Tháng', 'Định kỳ', 'Đột xuất', 'Tổng'],
      report.conferences.byMonth.map((m) => [
        monthName(m.month),
        m.periodic,
        m.extraordinary,
        m.periodic + m.extraordinary,
      ]),
      ['*', 80, 80, 80],
    ),
    chart(charts.conferencesPerMonth),
    heading('III. SỰ VIỆC, VỤ VIỆC VÀ THỜI HẠN 24 GIỜ'),
    report.incidents.items.length === 0
      ? paragraph('Không có sự việc, vụ việc nào trong kỳ.')
      : table(
          ['TT', 'Sự việc', 'Phát hiện', 'Triệu tập', 'Khai mạc', 'Giờ đến triệu tập', 'Giờ đến khai mạc', 'Kết quả'],
          report.incidents.items.map((i, n) => [
            n + 1,
            i.title,
            at(i.detectedAt),
            at(i.calledAt),
            at(i.startsAt),
            hours(i.hoursToCall),
            hours(i.hoursToStart),
            OUTCOME[i.outcome],
          ]),
          [18, '*', 52, 52, 52, 42, 42, 44],
        ),
    ...(charts.conveneTime ? [chart(charts.conveneTime)] : []),
    heading('IV. VĂN BẢN CUNG CẤP THÔNG TIN CỦA CÁC CƠ QUAN'),
    table(
      ['Cơ quan', 'Đề nghị', 'Đúng hạn', 'Muộn', 'Không nộp', 'Không có nội dung', 'Trả lại'],
      report.agencies
        .filter((a) => a.briefs.requested > 0)
        .map((a) => [
          a.agencyName,
          ...(['requested', 'onTime', 'late', 'missing', 'nothingToReport', 'returned'] as const).map(
            (k) => a.briefs[k],
          ),
        ]),
      ['*', 40, 42, 36, 42, 50, 38],
    ),
    ...(charts.briefsPerAgency ? [chart(charts.briefsPerAgency)] : []),
    heading('V. GIẤY MỜI VÀ PHẢN HỒI'),
    table(
      ['Đối tượng', 'Giấy mời', 'Đã gửi', 'Gửi lỗi', 'Tham dự', 'Không dự', 'Cử người thay', 'Không phản hồi'],
      [
        invitationRow('Các cơ quan', report.invitations.agencies),
        invitationRow('Cơ quan báo chí', report.invitations.press),
      ],
      ['*', 40, 40, 40, 40, 40, 46, 50],
    ),
    heading('VI. PHẢN ÁNH KHÓ KHĂN, VƯỚNG MẮC VÀ THÔNG TIN DO CƠ QUAN ĐỀ XUẤT'),
    table(
      ['Nội dung', 'Tổng', 'Chờ xử lý', 'Đã chuyển UBND', 'Đã giải quyết'],
      [
        [
          'Phản ánh khó khăn, vướng mắc',
          report.obstacleReports.total,
          report.obstacleReports.open,
          report.obstacleReports.forwarded,
          report.obstacleReports.resolved,
        ],
      ],
      ['*', 50, 60, 70, 70],
    ),
    table(
      ['Nội dung', 'Tổng', 'Chờ quyết định', 'Đưa vào hội nghị', 'Họp đột xuất', 'Không sử dụng'],
      [
        [
          'Thông tin do cơ quan đề xuất',
          report.informationOffers.total,
          report.informationOffers.offered,
          report.informationOffers.included,
          report.informationOffers.calledExtraordinary,
          report.informationOffers.declined,
        ],
      ],
      ['*', 40, 55, 60, 55, 55],
    ),
  ];
}

/** The report to the People's Committee (báo cáo), in the layout of Decree 30/2020/NĐ-CP. */
export function activityReportDocument(
  report: ActivityReport,
  letterhead: ReportLetterhead,
  charts: ReportCharts,
  zone: string,
): TDocumentDefinitions {
  const { first, last } = periodDays(report, zone);
  const subject = `Kết quả tổ chức Hội nghị cung cấp thông tin cho báo chí từ ngày ${first} đến ngày ${last}`;
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'vi-VN',
    info: { title: `Báo cáo: ${subject}`, author: letterhead.issuingBody, creator: 'pressconf' },
    defaultStyle: { fontSize: 13, lineHeight: 1.15 },
    footer: (page, pages) => ({ text: `${page}/${pages}`, alignment: 'center', fontSize: 10, margin: [0, 20, 0, 0] }),
    content: [
      ...reportHeader(letterhead, DateTime.fromISO(report.generatedAt, { zone })),
      { text: 'BÁO CÁO', bold: true, fontSize: 14, alignment: 'center', margin: [0, 20, 0, 2] },
      { text: subject, bold: true, alignment: 'center' },
      rule(CONTENT_WIDTH, 80),
      { text: `Kính gửi: ${letterhead.peoplesCommittee}.`, alignment: 'center', margin: [0, 10, 0, 6] },
      ...sections(report, charts, zone),
      {
        unbreakable: true,
        margin: [0, 14, 0, 0],
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
              { text: letterhead.signer.position.toLocaleUpperCase('vi'), bold: true },
              { text: letterhead.signer.name, bold: true, margin: [0, 72, 0, 0] },
            ],
          },
        ],
      },
    ],
  };
}

export function renderActivityReport(
  report: ActivityReport,
  letterhead: ReportLetterhead,
  charts: ReportCharts,
  zone: string,
): Promise<Buffer> {
  return renderPdf(activityReportDocument(report, letterhead, charts, zone));
}
