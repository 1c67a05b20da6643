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
  BriefDueMovedMail,
  BriefRequestMail,
  BriefingPackMail,
  IncidentDeadlineBreachedMail,
  InvitationAgendaChangedMail,
  InvitationCancelledMail,
  InvitationMail,
  InvitationReminderMail,
  InvitationUpdatedMail,
  InvitationUrgentReminderMail,
  InvitationWithdrawnMail,
  MailConference,
  MailModels,
  MailRecipient,
  MailTemplateName,
} from './mail-models';
export { MailTemplates, defaultTemplatesDir } from './templates';
export type { MailProvince, MailTemplatesOptions, RenderedMail } from './templates';
export { buildInvitationCalendar, conferenceUid } from './invitation-calendar';
export type { CalendarConference, InvitationCalendarInput } from './invitation-calendar';
export { formatLetterDate, formatLetterNumber, formatLetterTime } from './invitation-letter';
export type { InvitationLetterModel } from './invitation-letter';
export { LetterRenderer } from './letter-renderer';
