import type { ConferenceKind } from '@pressconf/contracts';
import type { Instant } from './format';

/** The person a mail is addressed to (an invitee's contact, or a host agency's contact for alerts). */
export interface MailRecipient {
  name: string;
  agencyName: string;
  /** Job title, e.g. "Chánh Văn phòng". */
  title?: string;
}

/** The conference as shown in mail; `ConferenceCalledData` fits it as is. */
export interface MailConference {
  title: string;
  kind: ConferenceKind;
  startsAt: Instant;
  endsAt: Instant;
  venue: string;
  topics: string[];
}

export interface AgendaItem {
  title: string;
  presenter?: string;
  durationMinutes?: number;
}

interface MailModelBase {
  recipient: MailRecipient;
  /** IANA zone to show times in; defaults to the MailTemplates option, then Asia/Ho_Chi_Minh. */
  zone?: string;
}

export interface InvitationMail extends MailModelBase {
  conference: MailConference;
  /** Names of the host agencies (at least the organising agency). */
  hosts: string[];
  agenda?: AgendaItem[];
  rsvpUrl: string;
  calendarUrl: string;
  /** Set only when the recipient's agency must provide a written brief. */
  briefsDueAt?: Instant;
}

export interface InvitationUpdatedMail extends MailModelBase {
  /** With the new times. */
  conference: MailConference;
  previousStartsAt?: Instant;
  previousEndsAt?: Instant;
  reason: string;
  rsvpUrl: string;
  calendarUrl: string;
}

export interface InvitationCancelledMail extends MailModelBase {
  conference: MailConference;
  reason: string;
}

export interface InvitationUrgentReminderMail extends MailModelBase {
  conference: MailConference;
  rsvpUrl: string;
  calendarUrl: string;
  /** When the first invitation was sent. */
  invitedAt?: Instant;
}

/** Shared by brief-request, brief-reminder and brief-overdue. */
export interface BriefRequestMail extends MailModelBase {
  conference: MailConference;
  dueAt: Instant;
  submitUrl: string;
}

export interface BriefingPackMail extends MailModelBase {
  conference: MailConference;
  packUrl: string;
  /** Embargo: participants other than hosts may open the pack only from this instant. */
  availableFrom?: Instant;
}

export interface IncidentDeadlineBreachedMail extends MailModelBase {
  incident: { title: string; detectedAt?: Instant; conveneBy: Instant };
  incidentUrl?: string;
}

export interface MailModels {
  invitation: InvitationMail;
  'invitation-updated': InvitationUpdatedMail;
  'invitation-cancelled': InvitationCancelledMail;
  'invitation-urgent-reminder': InvitationUrgentReminderMail;
  'brief-request': BriefRequestMail;
  'brief-reminder': BriefRequestMail;
  'brief-overdue': BriefRequestMail;
  'briefing-pack': BriefingPackMail;
  'incident-deadline-breached': IncidentDeadlineBreachedMail;
}

export type MailTemplateName = keyof MailModels;

// A record, so that adding a template to MailModels without listing it here fails to compile.
const TEMPLATE_NAMES: Record<MailTemplateName, true> = {
  invitation: true,
  'invitation-updated': true,
  'invitation-cancelled': true,
  'invitation-urgent-reminder': true,
  'brief-request': true,
  'brief-reminder': true,
  'brief-overdue': true,
  'briefing-pack': true,
  'incident-deadline-breached': true,
};

export const MAIL_TEMPLATE_NAMES = Object.keys(TEMPLATE_NAMES) as MailTemplateName[];
