import { DateTime } from 'luxon';
import type { ActivityReport } from '@pressconf/contracts';

/** "01/3/2027": the day with two digits, the month as written in administrative texts. */
export function vietnameseDate(at: DateTime): string {
  return `${String(at.day).padStart(2, '0')}/${at.month}/${at.year}`;
}

/** The period's first and last day in `zone` (`to` is exclusive: a month ends on its last day). */
export function periodDays(report: ActivityReport, zone: string): { first: string; last: string } {
  const first = DateTime.fromISO(report.period.from, { zone });
  const last = DateTime.fromISO(report.period.to, { zone }).minus({ milliseconds: 1 });
  return { first: vietnameseDate(first), last: vietnameseDate(last) };
}

/** "1,5" — Vietnamese writes a decimal comma. */
export function vietnameseNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** The report's summary in words, one paragraph per subject, as the People's Committee reads it first. */
export function summaryParagraphs(report: ActivityReport, zone: string): string[] {
  const { first, last } = periodDays(report, zone);
  const c = report.conferences;
  const i = report.incidents;
  const briefs = report.agencies.reduce(
    (sum, a) => ({
      requested: sum.requested + a.briefs.requested,
      onTime: sum.onTime + a.briefs.onTime,
      late: sum.late + a.briefs.late,
      missing: sum.missing + a.briefs.missing,
      returned: sum.returned + a.briefs.returned,
    }),
    { requested: 0, onTime: 0, late: 0, missing: 0, returned: 0 },
  );
  const { agencies: inv, press } = report.invitations;
  const paragraphs = [
    `Từ ngày ${first} đến ngày ${last}, đã tổ chức ${c.held} hội nghị cung cấp thông tin cho báo chí ` +
      `(${c.heldPeriodic} định kỳ, ${c.heldExtraordinary} đột xuất); ${c.cancelled} hội nghị bị hủy, ` +
      `${c.rescheduled} hội nghị được dời lịch.`,
    i.detected === 0
      ? 'Trong kỳ không phát sinh sự việc, vụ việc phải tổ chức hội nghị đột xuất.'
      : `Phát sinh ${i.detected} sự việc, vụ việc phải cung cấp thông tin đột xuất: ${i.kept} sự việc được triệu tập ` +
        `hội nghị trong thời hạn 24 giờ, ${i.breached} sự việc quá thời hạn` +
        (i.open ? `, ${i.open} sự việc còn trong thời hạn.` : '.'),
    `Các cơ quan được đề nghị cung cấp ${briefs.requested} văn bản: ${briefs.onTime} văn bản nộp đúng hạn, ` +
      `${briefs.late} văn bản nộp muộn, ${briefs.missing} văn bản không nộp; ${briefs.returned} lần văn bản bị trả lại ` +
      'để chỉnh sửa.',
    `Giấy mời gửi các cơ quan: ${inv.delivered}/${inv.invited} gửi thành công, ${inv.failed} gửi lỗi; ` +
      `${inv.accepted} tham dự, ${inv.declined} không tham dự, ${inv.delegated} cử người dự thay, ` +
      `${inv.silent} không phản hồi. Giấy mời gửi cơ quan báo chí: ${press.delivered}/${press.invited} gửi thành công, ` +
      `${press.failed} gửi lỗi; ${press.accepted} tham dự, ${press.declined} không tham dự, ${press.delegated} cử ` +
      `người dự thay, ${press.silent} không phản hồi.`,
    `Các cơ quan gửi ${report.obstacleReports.total} phản ánh khó khăn, vướng mắc ` +
      `(${report.obstacleReports.resolved} đã giải quyết) và đề xuất ${report.informationOffers.total} nội dung ` +
      `thông tin (${report.informationOffers.included} đưa vào hội nghị, ` +
      `${report.informationOffers.calledExtraordinary} tổ chức hội nghị đột xuất).`,
  ];
  return paragraphs;
}
