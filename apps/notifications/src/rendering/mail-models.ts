import type { ConferenceKind } from '@pressconf/contracts';
import type { Instant } from './format';
import { PLAN_TEMPLATE_NAMES, type PlanMailModels } from './plan-mail-models';

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
  /** When the item starts (shown in the calendar entry and on the invitee's page). */
  startsAt?: Instant;
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

/** The agenda of a called conference was replaced: the whole new one, to every current invitee. */
export interface InvitationAgendaChangedMail extends MailModelBase {
  conference: MailConference;
  /** Empty when the agenda was cleared. */
  agenda: AgendaItem[];
  rsvpUrl: string;
  calendarUrl: string;
}

/** The invitee's agency was removed from the conference after the call. */
export interface InvitationWithdrawnMail extends MailModelBase {
  conference: MailConference;
}

/** A while before the start, to those who attend and those who have not answered. */
export interface InvitationReminderMail extends MailModelBase {
  conference: MailConference;
  agenda?: AgendaItem[];
  /** The invitee said they attend; otherwise they are asked to answer. */
  accepted: boolean;
  rsvpUrl: string;
  calendarUrl: string;
}

/** The due time of a brief still owed moved (the conference was rescheduled). */
export interface BriefDueMovedMail extends MailModelBase {
  conference: MailConference;
  dueAt: Instant;
  previousDueAt?: Instant;
  submitUrl: string;
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

/** To the admins: a webhook subscription accepted nothing for days and was disabled. */
export interface WebhookDisabledMail extends MailModelBase {
  subscription: { id: string; url: string; description?: string; failingSince: Instant; lastError?: string };
}

export interface MailModels extends PlanMailModels {
  invitation: InvitationMail;
  'invitation-updated': InvitationUpdatedMail;
  'invitation-cancelled': InvitationCancelledMail;
  'invitation-urgent-reminder': InvitationUrgentReminderMail;
  'invitation-agenda-changed': InvitationAgendaChangedMail;
  'invitation-withdrawn': InvitationWithdrawnMail;
  'invitation-reminder': InvitationReminderMail;
  'brief-request': BriefRequestMail;
  'brief-reminder': BriefRequestMail;
  'brief-overdue': BriefRequestMail;
  'brief-due-moved': BriefDueMovedMail;
  'briefing-pack': BriefingPackMail;
  'incident-deadline-breached': IncidentDeadlineBreachedMail;
  'webhook-disabled': WebhookDisabledMail;
}

export type MailTemplateName = keyof MailModels;

// A record, so that adding a template to MailModels without listing it here fails to compile.
const TEMPLATE_NAMES: Record<MailTemplateName, true> = {
  invitation: true,
  'invitation-updated': true,
  'invitation-cancelled': true,
  'invitation-urgent-reminder': true,
  'invitation-agenda-changed': true,
  'invitation-withdrawn': true,
  'invitation-reminder': true,
  'brief-request': true,
  'brief-reminder': true,
  'brief-overdue': true,
  'brief-due-moved': true,
  'briefing-pack': true,
  'incident-deadline-breached': true,
  'webhook-disabled': true,
  ...PLAN_TEMPLATE_NAMES,
};

export const MAIL_TEMPLATE_NAMES = Object.keys(TEMPLATE_NAMES) as MailTemplateName[];
