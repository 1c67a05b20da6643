import { DateTime } from 'luxon';
import type { ConferenceKind } from '@pressconf/contracts';

/** Zone of everything shown to people (API.md, TZ_DISPLAY). */
export const DISPLAY_ZONE = 'Asia/Ho_Chi_Minh';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** An instant as it travels in events (ISO-8601 with offset) or as a Date. */
export type Instant = Date | string;

/** Maps a free-form preference ('en', 'en-GB', 'vi-VN', undefined) onto a supported locale. */
export function resolveLocale(locale?: string | null): Locale {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : DEFAULT_LOCALE;
}

export function toZoned(value: Instant, zone: string = DISPLAY_ZONE): DateTime {
  const instant = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value, { setZone: true });
  const zoned = instant.setZone(zone);
  if (!zoned.isValid) {
    const reason = zoned.invalidExplanation ?? zoned.invalidReason;
    throw new RangeError(`Cannot show ${String(value)} in zone ${zone}: ${reason}`);
  }
  return zoned;
}

// Spelled out rather than taken from ICU so the wording does not depend on the Node build.
const VI_WEEKDAYS = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

function day(at: DateTime, locale: Locale): string {
  return locale === 'vi'
    ? `${VI_WEEKDAYS[at.weekday - 1]}, ngày ${at.toFormat('d/M/yyyy')}`
    : at.setLocale('en-GB').toFormat('cccc, d LLLL yyyy');
}

/** Formatted texts kept: a call's fan-out formats the same few instants for every one of its invitees. */
export const FORMATTED_TEXTS_KEPT = 1_000;
const formatted = new Map<string, string>();

/**
 * The text a pure formatting gives, from memory when it was asked before: luxon reads the zone's offset through Intl
 * for every instant, which made formatting a tenth of a mail's cost. The oldest text goes first when full.
 */
function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    text = format();
    if (formatted.size >= FORMATTED_TEXTS_KEPT) formatted.delete(formatted.keys().next().value as string);
    formatted.set(key, text);
  }
  return text;
}

function keyOf(kind: string, values: Instant[], locale: Locale, zone: string): string {
  return `${kind}|${values.map((value) => (value instanceof Date ? value.getTime() : value)).join('|')}|${locale}|${zone}`;
}

/** "thứ Hai, ngày 15/3/2027" · "Monday, 15 March 2027" */
export function formatDate(value: Instant, locale: Locale = DEFAULT_LOCALE, zone: string = DISPLAY_ZONE): string {
  return remembered(keyOf('date', [value], locale, zone), () => day(toZoned(value, zone), locale));
}

/** "09:00, thứ Hai, ngày 15/3/2027" · "09:00, Monday, 15 March 2027" */
export function formatDateTime(value: Instant, locale: Locale = DEFAULT_LOCALE, zone: string = DISPLAY_ZONE): string {
  return remembered(keyOf('date-time', [value], locale, zone), () => {
    const at = toZoned(value, zone);
    return `${at.toFormat('HH:mm')}, ${day(at, locale)}`;
  });
}

/** "09:00 – 11:00, thứ Hai, ngày 15/3/2027"; both ends in full when the range spans days. */
export function formatTimeRange(
  start: Instant,
  end: Instant,
  locale: Locale = DEFAULT_LOCALE,
  zone: string = DISPLAY_ZONE,
): string {
  return remembered(keyOf('range', [start, end], locale, zone), () => {
    const from = toZoned(start, zone);
    const to = toZoned(end, zone);
    if (from.hasSame(to, 'day')) {
      return `${from.toFormat('HH:mm')} – ${to.toFormat('HH:mm')}, ${day(from, locale)}`;
    }
    return `${formatDateTime(start, locale, zone)} – ${formatDateTime(end, locale, zone)}`;
  });
}

const KIND_LABELS: Record<Locale, Record<ConferenceKind, string>> = {
  vi: { PERIODIC: 'định kỳ', EXTRAORDINARY: 'đột xuất' },
  en: { PERIODIC: 'periodic', EXTRAORDINARY: 'extraordinary' },
};

/** "định kỳ" / "đột xuất", to follow "Hội nghị cung cấp thông tin cho báo chí". */
export function kindLabel(kind: ConferenceKind, locale: Locale = DEFAULT_LOCALE): string {
  const label = KIND_LABELS[locale][kind];
  if (!label) throw new RangeError(`Unknown conference kind ${String(kind)}`);
  return label;
}

/** "giờ Việt Nam (UTC+07:00)" for the display zone, else the zone's own name with its offset. */
export function zoneLabel(zone: string = DISPLAY_ZONE, locale: Locale = DEFAULT_LOCALE): string {
  const offset = `UTC${toZoned(new Date(), zone).toFormat('ZZ')}`;
  if (zone !== DISPLAY_ZONE) return `${zone} (${offset})`;
  return locale === 'vi' ? `giờ Việt Nam (${offset})` : `Vietnam time (${offset})`;
}
