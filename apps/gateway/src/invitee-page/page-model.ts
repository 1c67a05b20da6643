import { DateTime } from 'luxon';
import type { AgendaItem, InvitationByTokenView } from '@pressconf/contracts';
import { DEFAULT_PAGE_LOCALE, PageLocale, pageTexts } from './page-messages';

/** Where the page lives, outside the API's /api/v1 prefix: a short address for a link printed in a letter. */
export const PAGE_ROOT = '/moi';
/** The query flag of the page shown after an answer was recorded (Post/Redirect/Get, and the script's refresh). */
export const SAVED_FLAG = 'da-ghi-nhan';

const VIETNAM = 'Asia/Ho_Chi_Minh';

/** What the page template shows; every string in it is escaped by the template. */
export interface InvitationPageModel {
  /** The invitee's language: `<html lang>`, the page's words (page-messages.ts) and its dates. */
  locale: PageLocale;
  links: { page: string; saved: string; rsvpApi: string; calendar: string; letter: string };
  conference: {
    title: string;
    kind: string;
    periodic: boolean;
    time: string;
    startsAt: string;
    endsAt: string;
    zone: string;
    venue: string;
    mapUrl: string;
    hosts: string[];
    topics: string[];
    /** Each item with its start ("09:00") and who presents it. */
    agenda: Array<{ time: string; title: string; presenter?: string; minutes: number }>;
    letterNumber: string;
    cancelled: boolean;
    /** A reschedule or cancellation, said in a sentence, with the coordinator's reason when given. */
    notice?: string;
    reason?: string;
  };
  invitee: { name: string; title?: string; agencyName: string };
  /** The invitation stands: neither the conference was cancelled nor the invitee's agency removed. */
  invited: boolean;
  answer: { label: string; delegate?: string; pending: boolean };
  /** The answer may still be changed: the buttons are shown with the last moment to change it. */
  open: boolean;
  changeableUntil: string;
  /** Why the buttons are gone, when they are. */
  closedBecause?: string;
  saved: boolean;
  invalid: boolean;
  delegate: { name: string; title: string };
}

function zoned(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone);
}

/** "09:00, thứ Hai, ngày 15/3/2027" · "09:00, Monday, 15 March 2027" */
export function formatMoment(iso: string, zone: string, locale: PageLocale = DEFAULT_PAGE_LOCALE): string {
  const at = zoned(iso, zone);
  return `${at.toFormat('HH:mm')}, ${pageTexts(locale).day(at)}`;
}

/** "09:00 – 11:00, thứ Hai, ngày 15/3/2027", both ends in full when the conference spans days (as in the mail). */
export function formatRange(
  startsAt: string,
  endsAt: string,
  zone: string,
  locale: PageLocale = DEFAULT_PAGE_LOCALE,
): string {
  const from = zoned(startsAt, zone);
  const to = zoned(endsAt, zone);
  if (from.hasSame(to, 'day')) {
    return `${from.toFormat('HH:mm')} – ${to.toFormat('HH:mm')}, ${pageTexts(locale).day(from)}`;
  }
  return `${formatMoment(startsAt, zone, locale)} – ${formatMoment(endsAt, zone, locale)}`;
}

/** "giờ Việt Nam, UTC+07:00" · "Vietnam time, UTC+07:00"; another configured zone is named as it is. */
export function zoneLabel(zone: string, at: string, locale: PageLocale = DEFAULT_PAGE_LOCALE): string {
  const offset = `UTC${zoned(at, zone).toFormat('ZZ')}`;
  return zone === VIETNAM ? pageTexts(locale).vietnamTime(offset) : `${zone}, ${offset}`;
}

/**
 * A search for the venue's text on OpenStreetMap: a plain link that the invitee follows, so the page itself loads
 * nothing from outside. Venues are free text ("Hội trường Sở…, 08 Lý Thường Kiệt"), hence a search, not a point.
 */
export function mapUrl(venue: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(venue)}`;
}

/** "Đỗ Thị Lan, Phó Giám đốc, Sở Nông nghiệp và Môi trường", as far as it is known. */
function presenterOf(item: AgendaItem): string {
  return [item.presenterName, item.presenterTitle, item.presenterAgencyName].filter(Boolean).join(', ');
}

/** An answer is closed by a cancellation, by the conference having been held, or else by its start having passed. */
function closedBecause(view: InvitationByTokenView, locale: PageLocale): string {
  const { status } = view.conference;
  const closed = pageTexts(locale).closed;
  if (status === 'CANCELLED') return closed.cancelled;
  if (view.withdrawn) return closed.withdrawn;
  if (status === 'COMPLETED') return closed.completed;
  return closed.started;
}

function statusNotice(view: InvitationByTokenView, locale: PageLocale): string | undefined {
  const notices = pageTexts(locale).notices;
  if (view.conference.status === 'CANCELLED') return notices.cancelled;
  if (view.withdrawn) return notices.withdrawn;
  if (view.conference.status === 'RESCHEDULED') return notices.rescheduled;
  return undefined;
}

/** The page's content from the invitation as notifications answers it (GET /api/v1/invitations/{token}). */
export function invitationPageModel(
  token: string,
  view: InvitationByTokenView,
  options: { saved?: boolean; invalid?: boolean } = {},
): InvitationPageModel {
  const { conference } = view;
  const zone = conference.timeZone;
  // A notifications service older than the invitee's language says none: Vietnamese, as before.
  const locale = view.locale ?? DEFAULT_PAGE_LOCALE;
  const texts = pageTexts(locale);
  const encoded = encodeURIComponent(token);
  const page = `${PAGE_ROOT}/${encoded}`;
  const api = `/api/v1/invitations/${encoded}`;
  const notice = statusNotice(view, locale);
  return {
    locale,
    links: {
      page,
      saved: `${page}?${SAVED_FLAG}=1`,
      rsvpApi: `${api}/rsvp`,
      calendar: `${api}/calendar.ics`,
      letter: `${api}/letter.pdf`,
    },
    conference: {
      title: conference.title,
      kind: texts.kinds[conference.kind],
      periodic: conference.kind === 'PERIODIC',
      time: formatRange(conference.startsAt, conference.endsAt, zone, locale),
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      zone: zoneLabel(zone, conference.startsAt, locale),
      venue: conference.venue,
      mapUrl: mapUrl(conference.venue),
      hosts: conference.hosts,
      topics: conference.topics,
      agenda: conference.agenda.map((item) => ({
        time: zoned(item.startsAt, zone).toFormat('HH:mm'),
        title: item.title,
        ...(presenterOf(item) ? { presenter: presenterOf(item) } : {}),
        minutes: item.durationMinutes,
      })),
      letterNumber: conference.letterNumber,
      cancelled: conference.status === 'CANCELLED',
      ...(notice ? { notice } : {}),
      // The coordinator's reason is that of the cancellation or the reschedule, not of a withdrawn invitation.
      ...(notice && conference.statusReason && (conference.status === 'CANCELLED' || !view.withdrawn)
        ? { reason: conference.statusReason }
        : {}),
    },
    invitee: {
      name: view.invitee.name,
      ...(view.invitee.title ? { title: view.invitee.title } : {}),
      agencyName: view.invitee.agencyName,
    },
    invited: conference.status !== 'CANCELLED' && !view.withdrawn,
    answer: {
      label: texts.answers[view.rsvp],
      pending: view.rsvp === 'PENDING',
      ...(view.rsvp === 'DELEGATE' && view.delegateName
        ? { delegate: [view.delegateName, view.delegateTitle].filter(Boolean).join(' – ') }
        : {}),
    },
    open: view.canChange,
    changeableUntil: formatMoment(view.changeableUntil, zone, locale),
    ...(view.canChange ? {} : { closedBecause: closedBecause(view, locale) }),
    saved: options.saved === true,
    invalid: options.invalid === true,
    delegate: { name: view.delegateName ?? '', title: view.delegateTitle ?? '' },
  };
}
