import { loadConfig } from '@pressconf/messaging';
import { notificationsEnv } from './config';

describe('notifications configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(notificationsEnv, {})).toMatchObject({
      NOTIFICATIONS_PORT: 3103,
      SMTP_URL: 'smtp://127.0.0.1:1025',
      MAIL_FROM: 'Hội nghị cung cấp thông tin tỉnh Đắk Lắk <no-reply@pressconf.daklak.gov.vn>',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      MAIL_LOCALE: 'vi',
      MAIL_MAX_ATTEMPTS: 8,
      MAIL_RETRY_INITIAL_MS: 2_000,
      MAIL_RETRY_MAX_MS: 300_000,
      MAIL_MAX_CONNECTIONS: 5,
      MAIL_BATCH_SIZE: 20,
      MAIL_LEASE_MS: 60_000,
      MAIL_POLL_INTERVAL_MS: 250,
      BRIEF_REMINDER_HOURS_BEFORE: 24,
      URGENT_ACK_MINUTES: 60,
      REMINDER_SCAN_INTERVAL_MS: 30_000,
      LETTER_ISSUER_CODE: 'SVHTTDL',
      LETTER_PARENT_BODY: 'UBND TỈNH ĐẮK LẮK',
      LETTER_SIGNER_POSITION: 'GIÁM ĐỐC',
      LETTER_SIGNER_NAME: 'Ban tổ chức',
      RSVP_LINK_DAYS_AFTER_END: 30,
    });
  });

  it('takes minutes and hours with a fraction (the tests wait 0.1 minutes)', () => {
    expect(loadConfig(notificationsEnv, { URGENT_ACK_MINUTES: '0.1' }).URGENT_ACK_MINUTES).toBe(0.1);
  });

  it.each([
    ['URGENT_ACK_MINUTES', '-5'],
    ['MAIL_LOCALE', 'fr'],
    ['MAIL_BATCH_SIZE', '0'],
    ['REMINDER_SCAN_INTERVAL_MS', 'often'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(notificationsEnv, { [variable]: value })).toThrow(
      new RegExp(`Invalid configuration: ${variable}: `),
    );
  });
});
