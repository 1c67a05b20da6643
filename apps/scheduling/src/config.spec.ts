import { loadConfig } from '@pressconf/messaging';
import { schedulingEnv } from './config';

describe('scheduling configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig(schedulingEnv, {})).toMatchObject({
      SCHEDULING_PORT: 3101,
      TZ_DISPLAY: 'Asia/Ho_Chi_Minh',
      EXTRA_DAYS_OFF: [],
      SERIES_HORIZON_DAYS: 60,
      SERIES_MATERIALIZE_INTERVAL_MS: 3_600_000,
      DEADLINE_WATCH_INTERVAL_MS: 15_000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
  });

  it.each([
    ['DEADLINE_WATCH_INTERVAL_MS', '15s'],
    ['EXTRA_DAYS_OFF', '2027-02-05,tomorrow'],
    ['SCHEDULING_PORT', '-1'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig(schedulingEnv, { [variable]: value })).toThrow(
      new RegExp(`Invalid configuration: ${variable}(\\.\\d+)?: `),
    );
  });
});
