export {
  DEFAULT_LOCALE,
  DISPLAY_ZONE,
  LOCALES,
  formatDate,
  formatDateTime,
  formatTimeRange,
  kindLabel,
  resolveLocale,
  zoneLabel,
} from './format';
export type { Instant, Locale } from './format';
export { MAIL_TEMPLATE_NAMES } from './mail-models';
export type {
  AgendaItem,
  BriefRequestMail,
  BriefingPackMail,
  IncidentDeadlineBreachedMail,
  InvitationCancelledMail,
  InvitationMail,
  InvitationUpdatedMail,
  InvitationUrgentReminderMail,
  MailConference,
  MailModels,
  MailRecipient,
  MailTemplateName,
} from './mail-models';
export { MailTemplates, defaultTemplatesDir } from './templates';
export type { MailTemplatesOptions, RenderedMail } from './templates';
export { DEFAULT_CALENDAR_DOMAIN, buildInvitationCalendar, conferenceUid } from './invitation-calendar';
export type { CalendarConference, InvitationCalendarInput } from './invitation-calendar';
export { formatLetterDate, formatLetterNumber, formatLetterTime, renderInvitationLetter } from './invitation-letter';
export type { InvitationLetterModel } from './invitation-letter';
