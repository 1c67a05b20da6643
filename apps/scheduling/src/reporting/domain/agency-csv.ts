import { AgencyActivity, CSV_BOM, csvLine } from '@pressconf/contracts';

/** The columns of the per-agency table, headed in Vietnamese for the people who open it in a spreadsheet. */
const COLUMNS: Array<[string, (row: AgencyActivity) => string | number]> = [
  ['Cơ quan', (r) => r.agencyName],
  ['Báo chí', (r) => (r.press ? 'Có' : 'Không')],
  ['Văn bản được đề nghị', (r) => r.briefs.requested],
  ['Nộp đúng hạn', (r) => r.briefs.onTime],
  ['Nộp muộn', (r) => r.briefs.late],
  ['Không nộp', (r) => r.briefs.missing],
  ['Không có nội dung', (r) => r.briefs.nothingToReport],
  ['Lần bị trả lại', (r) => r.briefs.returned],
  ['Giấy mời', (r) => r.invitations.invited],
  ['Đã gửi', (r) => r.invitations.delivered],
  ['Gửi lỗi', (r) => r.invitations.failed],
  ['Tham dự', (r) => r.invitations.accepted],
  ['Không tham dự', (r) => r.invitations.declined],
  ['Cử người dự thay', (r) => r.invitations.delegated],
  ['Không phản hồi', (r) => r.invitations.silent],
  ['Mã cơ quan', (r) => r.agencyId],
];

/** The per-agency table as CSV (UTF-8 with BOM, CRLF line ends). */
export function agencyCsv(agencies: AgencyActivity[]): string {
  const lines = [COLUMNS.map(([title]) => title), ...agencies.map((a) => COLUMNS.map(([, of]) => of(a)))];
  return CSV_BOM + lines.map(csvLine).join('');
}
