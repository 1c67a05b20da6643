import { DateTime } from 'luxon';
import type { AttachmentMediaType, ConferenceKind } from '@pressconf/contracts';
import { submissionsConfig } from '../../config';

/** Zone of everything shown to people (API.md, TZ_DISPLAY). */
export const DISPLAY_ZONE = submissionsConfig().TZ_DISPLAY;

// Spelled out rather than taken from ICU so that the wording does not depend on the Node build.
const WEEKDAYS = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

function zoned(value: string | Date, zone: string): DateTime {
  const instant = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value, { setZone: true });
  return instant.setZone(zone);
}

/** "thứ Hai, ngày 15/3/2027" */
export function formatDay(value: string | Date, zone = DISPLAY_ZONE): string {
  const at = zoned(value, zone);
  return `${WEEKDAYS[at.weekday - 1]}, ngày ${at.toFormat('d/M/yyyy')}`;
}

/** "09:00, thứ Hai, ngày 15/3/2027" */
export function formatDateTime(value: string | Date, zone = DISPLAY_ZONE): string {
  return `${zoned(value, zone).toFormat('HH:mm')}, ${formatDay(value, zone)}`;
}

/** "ngày 15/3/2027", for a document's issue date. */
export function formatDate(value: string | Date, zone = DISPLAY_ZONE): string {
  return `ngày ${zoned(value, zone).toFormat('d/M/yyyy')}`;
}

/** "09:00 – 11:00, thứ Hai, ngày 15/3/2027"; both ends in full when the range spans days. */
export function formatTimeRange(start: string | Date, end: string | Date, zone = DISPLAY_ZONE): string {
  const from = zoned(start, zone);
  const to = zoned(end, zone);
  if (from.hasSame(to, 'day')) return `${from.toFormat('HH:mm')} – ${to.toFormat('HH:mm')}, ${formatDay(start, zone)}`;
  return `${formatDateTime(start, zone)} – ${formatDateTime(end, zone)}`;
}

/** "845 B", "245 KB", "1,2 MB": Vietnamese writes the decimal comma. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

const MEDIA_LABELS: Record<AttachmentMediaType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'image/png': 'Ảnh PNG',
  'image/jpeg': 'Ảnh JPEG',
};

export function mediaLabel(mediaType: AttachmentMediaType): string {
  return MEDIA_LABELS[mediaType];
}

export function kindLabel(kind: ConferenceKind): string {
  return kind === 'PERIODIC' ? 'định kỳ' : 'đột xuất';
}

/** I, II, III… for the parts of the pack. */
export function roman(n: number): string {
  const numerals: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}
