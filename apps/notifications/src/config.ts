import { z } from 'zod';
import {
  configLoader,
  displayEnv,
  enumVar,
  intVar,
  messagingEnv,
  numberVar,
  optionalStringVar,
  servicePortsEnv,
  stringVar,
} from '@pressconf/messaging';

/** Every variable notifications reads (README, "Configuration"; `npm run config:docs` writes the table). */
export const notificationsEnv = messagingEnv.extend({
  NOTIFICATIONS_PORT: servicePortsEnv.NOTIFICATIONS_PORT,
  ...displayEnv,
  SMTP_URL: stringVar(
    'smtp://127.0.0.1:1025',
    'outgoing mail server',
    'smtp://127.0.0.1:1025 (MailDev, started by `npm start`)',
  ),
  MAIL_FROM: stringVar(
    'Hội nghị cung cấp thông tin tỉnh Đắk Lắk <no-reply@pressconf.daklak.gov.vn>',
    'sender of all mail',
    '`Hội nghị cung cấp thông tin tỉnh Đắk Lắk <no-reply@pressconf.daklak.gov.vn>`',
  ),
  PUBLIC_BASE_URL: stringVar(
    'http://127.0.0.1:3000',
    "base of links put in mail (the invitee's page `/moi/{token}`, calendar)",
  ),
  MAIL_LOCALE: enumVar(['vi', 'en'], 'vi', 'language of mail (`vi` or `en`)'),
  MAIL_MAX_ATTEMPTS: intVar(8, 'attempts to send a mail before it is given up'),
  MAIL_RETRY_INITIAL_MS: intVar(2_000, 'delay before the first retry of a mail, doubled at each further one'),
  MAIL_RETRY_MAX_MS: intVar(300_000, 'longest delay between two retries of a mail'),
  MAIL_MAX_CONNECTIONS: intVar(5, 'SMTP pool size'),
  MAIL_BATCH_SIZE: intVar(20, 'deliveries leased per round'),
  MAIL_LEASE_MS: intVar(60_000, 'lease length of a delivery being sent'),
  MAIL_POLL_INTERVAL_MS: intVar(250, 'delivery worker poll interval when idle'),
  BRIEF_REMINDER_HOURS_BEFORE: numberVar(
    24,
    'a brief still owed is reminded this long before its due time (halfway, when the request came with less notice)',
  ),
  URGENT_ACK_MINUTES: numberVar(
    60,
    'an invitee of an EXTRAORDINARY conference still silent this long after the invitation gets a second notice, once',
  ),
  REMINDER_SCAN_INTERVAL_MS: intVar(30_000, 'how often due reminders are looked for'),
  HOST_ALERT_EMAILS: optionalStringVar(
    "who is alerted when an incident's 24 hours pass with no conference called (`a@x, Name <b@y>`), besides the co-host, standing office and coordinator contacts of the latest called conference",
    'none',
  ),
  LETTER_ISSUER_CODE: stringVar('SVHTTDL', "the issuer's code in the invitation letter's number"),
  LETTER_PARENT_BODY: stringVar('UBND TỈNH ĐẮK LẮK', "the parent body in the invitation letter's header"),
  LETTER_SIGNER_POSITION: stringVar('GIÁM ĐỐC', "the signer's position under the invitation letter"),
  LETTER_SIGNER_NAME: stringVar('Ban tổ chức', "the signer's name under the invitation letter"),
  NOTIFICATIONS_TEMPLATES_DIR: optionalStringVar(
    'folder of the mail templates (`vi/`, `en/`)',
    'the templates built with the service',
  ),
});
export type NotificationsConfig = z.output<typeof notificationsEnv>;

/** Notifications' configuration, read from process.env once (main.ts reads it first, so a wrong value stops it). */
export const notificationsConfig = configLoader(notificationsEnv);
