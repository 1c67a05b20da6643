import { loadConfig } from '@pressconf/messaging';
import { notificationsEnv } from './config';

describe('notifications configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(notificationsEnv, {})).toMatchObject({
      NOTIFICATIONS_PORT: 3103,
      SMTP_URL: 'smtp://127.0.0.1:1025',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      MAIL_MAX_ATTEMPTS: 20,
      MAIL_RETRY_INITIAL_MS: 2_000,
      MAIL_RETRY_MAX_MS: 300_000,
      MAIL_MAX_CONNECTIONS: 5,
      MAIL_BATCH_SIZE: 20,
      MAIL_LEASE_MS: 60_000,
      MAIL_POLL_INTERVAL_MS: 30_000,
      BRIEF_REMINDER_HOURS_BEFORE: 24,
      INVITEE_REMINDER_HOURS_BEFORE: 24,
      URGENT_ACK_MINUTES: 60,
      REMINDER_SCAN_INTERVAL_MS: 30_000,
      RSVP_LINK_DAYS_AFTER_END: 30,
    });
  });

  it('leaves the sender and the letter to the province profile unless set', () => {
    const config = loadConfig(notificationsEnv, {});
    expect(config.PROVINCE_PROFILE.id).toBe('dak-lak');
    for (const variable of [
      'MAIL_FROM',
      'LETTER_ISSUER_CODE',
      'LETTER_PARENT_BODY',
      'LETTER_SIGNER_POSITION',
      'LETTER_SIGNER_NAME',
    ] as const) {
      expect(config[variable]).toBeUndefined();
    }
  });

  it('refuses a profile that does not exist or is not valid, naming PROVINCE_PROFILE and the field', () => {
    expect(() => loadConfig(notificationsEnv, { PROVINCE_PROFILE: 'atlantis' })).toThrow(
      /Invalid configuration: PROVINCE_PROFILE: no profile "atlantis"/,
    );
    expect(() => loadConfig(notificationsEnv, { PROVINCE_PROFILE: 'package.json' })).toThrow(
      /PROVINCE_PROFILE: .*package\.json: .*id: /,
    );
  });

  it('takes minutes and hours with a fraction (the tests wait 0.1 minutes)', () => {
    expect(loadConfig(notificationsEnv, { URGENT_ACK_MINUTES: '0.1' }).URGENT_ACK_MINUTES).toBe(0.1);
  });

  it.each([
    ['URGENT_ACK_MINUTES', '-5'],
    ['MAIL_BATCH_SIZE', '0'],
    ['REMINDER_SCAN_INTERVAL_MS', 'often'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(notificationsEnv, { [variable]: value })).toThrow(
      new RegExp(`Invalid configuration: ${variable}: `),
    );
  });
});
