import ical from 'node-ical';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { ReceivedMail } from '@pressconf/testing/support/smtp-sink';
import type { Stack } from '@pressconf/testing/support/stack';
import { invitationLinkOf } from '@pressconf/testing/support/conference';

/** The delivery kind the service stamps on each mail (X-Notification-Kind). */
export function kindOf(mail: ReceivedMail): string | undefined {
  return mail.parsed.headers.get('x-notification-kind') as string | undefined;
}

export function recipientOf(mail: ReceivedMail): string {
  return mail.envelopeTo.join(',');
}

/** Mail of one kind about one conference. */
export function mailsOf(stack: Stack, conferenceId: string, kind: string): ReceivedMail[] {
  return stack.smtp.forConference(conferenceId).filter((m) => kindOf(m) === kind);
}

export interface ParsedCalendar {
  raw: string;
  method: string;
  event: ical.VEvent;
  timezones: ical.VTimeZone[];
}

/** Parses an iCalendar text with node-ical: exactly one VEVENT is expected. */
export function parseCalendar(raw: string): ParsedCalendar {
  const components = ical.sync.parseICS(raw);
  const events = Object.values(components).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  const timezones = Object.values(components).filter((c): c is ical.VTimeZone => c?.type === 'VTIMEZONE');
  const calendar = (components as unknown as { vcalendar?: { method?: string } }).vcalendar;
  return { raw, method: calendar?.method ?? '', event: events[0], timezones };
}

/** The calendar part of a mail (nodemailer sends it as an alternative body and mailparser lists it as an attachment). */
export function calendarOf(mail: ReceivedMail): ParsedCalendar {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`mail "${mail.parsed.subject}" carries no calendar`);
  return parseCalendar(part.content.toString('utf8'));
}

/** The text of the attached invitation letter, whitespace flattened (pdf.js breaks lines where the layout does). */
export async function letterTextOf(mail: ReceivedMail): Promise<string> {
  const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
  if (!pdf) throw new Error(`mail "${mail.parsed.subject}" carries no PDF`);
  return pdfTextOf(pdf.content);
}

/** The text of a PDF, whitespace flattened. */
export async function pdfTextOf(content: Buffer): Promise<string> {
  expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return (await pdfParse(content)).text.replace(/\s+/g, ' ');
}

/** The RSVP API of the invitation behind the link in a mail (GET; POST …/rsvp; …/calendar.ics). */
export function rsvpLinkOf(mail: ReceivedMail): string {
  const page = new URL(invitationLinkOf(mail));
  return `${page.origin}/api/v1/invitations/${page.pathname.split('/').pop()}`;
}

export interface PublicResponse<T = unknown> {
  status: number;
  contentType: string;
  body: T;
  text: string;
}

/** A call without any API key, as from the invitee's browser. */
export async function anonymous<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<PublicResponse<T>> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: body as T, text };
}

/** Lets the services run a while, then returns the mail for the conference that arrived meanwhile. */
export async function quietPeriod(stack: Stack, conferenceId: string, ms: number): Promise<ReceivedMail[]> {
  const before = stack.smtp.forConference(conferenceId).length;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return stack.smtp.forConference(conferenceId).slice(before);
}
