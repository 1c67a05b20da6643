import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { ConferenceKind } from '@pressconf/contracts';
import { DISPLAY_ZONE, Instant, kindLabel, toZoned } from './format';
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
  /** Defaults to the kind, the province, the topics and the agenda, in Vietnamese. */
  description?: string;
  /** How the default description names the province: "tỉnh Khánh Hòa". */
  province?: string;
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
  const start = toZoned(conference.startsAt, zone);
  const end = toZoned(conference.endsAt, zone);
  if (end <= start) throw new RangeError(`Conference ${conference.conferenceId} ends before it starts`);

  const calendar = ical({
    prodId: { company: input.domain, product: 'pressconf', language: 'VI' },
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
    description: input.description ?? defaultDescription(conference, zone, input.province),
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

function defaultDescription(conference: CalendarConference, zone: string, province?: string): string {
  const kind = `Hội nghị cung cấp thông tin cho báo chí ${kindLabel(conference.kind)}`;
  const lines = [province ? `${kind} – ${province}` : kind];
  if (conference.topics.length) lines.push(`Nội dung: ${conference.topics.join('; ')}`);
  const agenda = conference.agenda ?? [];
  if (agenda.length) lines.push('Chương trình:', ...agenda.map((item) => agendaLine(item, zone)));
  return lines.join('\n');
}

/** "- 09:00 Khai mạc – Lê Quang Minh (10 phút)" */
function agendaLine(item: AgendaItem, zone: string): string {
  const time = item.startsAt ? `${toZoned(item.startsAt, zone).toFormat('HH:mm')} ` : '';
  const presenter = item.presenter ? ` – ${item.presenter}` : '';
  const minutes = item.durationMinutes ? ` (${item.durationMinutes} phút)` : '';
  return `- ${time}${item.title}${presenter}${minutes}`;
}
