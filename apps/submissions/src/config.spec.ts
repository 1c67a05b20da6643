import { loadConfig } from '@pressconf/messaging';
import { submissionsEnv } from './config';

describe('submissions configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(submissionsEnv, {})).toMatchObject({
      SUBMISSIONS_PORT: 3102,
      ATTACHMENT_MAX_BYTES: 10_485_760,
      BRIEFS_PERIODIC_WORKING_DAYS_BEFORE: 3,
      BRIEFS_EXTRAORDINARY_HOURS_BEFORE: 4,
      OVERDUE_WATCH_INTERVAL_MS: 15_000,
      BRIEF_MAX_ATTACHMENTS: 20,
      BRIEF_MAX_VERSIONS: 50,
      AGENCY_UPLOAD_MAX_BYTES_PER_DAY: 209_715_200,
      UPLOAD_MAX_CONCURRENT: 4,
      TZ_DISPLAY: 'Asia/Ho_Chi_Minh',
    });
  });

  it('allows no notice at all (0) for the due time of briefs', () => {
    expect(
      loadConfig(submissionsEnv, { BRIEFS_EXTRAORDINARY_HOURS_BEFORE: '0' }).BRIEFS_EXTRAORDINARY_HOURS_BEFORE,
    ).toBe(0);
  });

  it.each([
    ['ATTACHMENT_MAX_BYTES', '10MB'],
    ['TZ_DISPLAY', 'Hanoi'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(submissionsEnv, { [variable]: value })).toThrow(
      new RegExp(`Invalid configuration: ${variable}: `),
    );
  });
});
