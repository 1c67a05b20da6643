import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { ConferenceKind } from '@pressconf/contracts';
import { DEFAULT_LOCALE, DISPLAY_ZONE, Instant, kindLabel, Locale, toZoned } from './format';
import type { AgendaItem } from './mail-models';

export interface CalendarConference {
  conferenceId: string;
  title: string;
  kind: ConferenceKind;
  startsAt: Instant;
  endsAt: Instant;
  venue: string;
  topics: string[];
  agenda?: AgendaItem[];
}

export interface InvitationCalendarInput {
  method: 'REQUEST' | 'CANCEL';
  conference: CalendarConference;
  /** The conference's sequence: clients keep the copy with the highest one. */
  sequence: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** Defaults to the kind, the province, the topics and the agenda, in `locale`. */
  description?: string;
  /** How the default description names the province, in `locale`: "tỉnh Khánh Hòa", "Khánh Hòa Province". */
  province?: string;
  /** The attendee's language (Vietnamese by default). The summary is the conference's title as the hosts wrote it. */
  locale?: Locale;
  url?: string;
  zone?: string;
  /** Right-hand side of the UID: the province's public host (ProvinceSettings.calendarDomain). */
  domain: string;
}

/** The UID stays the same across reschedules and the cancellation, so clients update one event. */
export function conferenceUid(conferenceId: string, domain: string): string {
  return `conference-${conferenceId}@${domain}`;
}

/** An iTIP (RFC 5546) REQUEST or CANCEL for one attendee, with local times and their VTIMEZONE. */
export function buildInvitationCalendar(input: InvitationCalendarInput): string {
  const { conference, method } = input;
  const zone = input.zone ?? DISPLAY_ZONE;
  const locale = input.locale ?? DEFAULT_LOCALE;
  const start = toZoned(conference.startsAt, zone);
  const end = toZoned(conference.endsAt, zone);
  if (end <= start) throw new RangeError(`Conference ${conference.conferenceId} ends before it starts`);

  const calendar = ical({
    prodId: { company: input.domain, product: 'pressconf', language: locale.toUpperCase() },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone name: with one, ical-generator would write DTSTAMP as local time, which RFC 5545
    // forbids; the generator alone emits the VTIMEZONE of every zone the events use.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: conferenceUid(conference.conferenceId, input.domain),
    sequence: input.sequence,
    // Luxon values, because ical-generator would write a Date in the process's zone, not in `zone`.
    start,
    end,
    timezone: zone,
    summary: conference.title,
    location: conference.venue,
    description: input.description ?? defaultDescription(conference, zone, locale, input.province),
    url: input.url ?? null,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        rsvp: true,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
  });
  return calendar.toString();
}

/** The words of the default description, per language. */
const DESCRIPTION_WORDS: Record<
  Locale,
  { kind: (kind: string) => string; topics: string; agenda: string; minutes: string }
> = {
  vi: {
    kind: (kind) => `Hội nghị cung cấp thông tin cho báo chí ${kind}`,
    topics: 'Nội dung',
    agenda: 'Chương trình',
    minutes: 'phút',
  },
  en: {
    kind: (kind) => `${kind.charAt(0).toUpperCase()}${kind.slice(1)} press information conference`,
    topics: 'Topics',
    agenda: 'Agenda',
    minutes: 'min',
  },
};

function defaultDescription(conference: CalendarConference, zone: string, locale: Locale, province?: string): string {
  const words = DESCRIPTION_WORDS[locale];
  const kind = words.kind(kindLabel(conference.kind, locale));
  const lines = [province ? `${kind} – ${province}` : kind];
  if (conference.topics.length) lines.push(`${words.topics}: ${conference.topics.join('; ')}`);
  const agenda = conference.agenda ?? [];
  if (agenda.length) lines.push(`${words.agenda}:`, ...agenda.map((item) => agendaLine(item, zone, words.minutes)));
  return lines.join('\n');
}

/** "- 09:00 Khai mạc – Lê Quang Minh (10 phút)" */
function agendaLine(item: AgendaItem, zone: string, minutesWord: string): string {
  const time = item.startsAt ? `${toZoned(item.startsAt, zone).toFormat('HH:mm')} ` : '';
  const presenter = item.presenter ? ` – ${item.presenter}` : '';
  const minutes = item.durationMinutes ? ` (${item.durationMinutes} ${minutesWord})` : '';
  return `- ${time}${item.title}${presenter}${minutes}`;
}
