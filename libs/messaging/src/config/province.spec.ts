import { loadConfig } from './env';
import { displayEnv } from './shared';
import { z } from 'zod';
import { extraDaysOffOf } from './province';

const schema = z.object(displayEnv);

describe('PROVINCE_PROFILE', () => {
  it('is the Đắk Lắk profile unless set, and the named one when set', () => {
    expect(loadConfig(schema, {}).PROVINCE_PROFILE.id).toBe('dak-lak');
    expect(loadConfig(schema, { PROVINCE_PROFILE: 'khanh-hoa' }).PROVINCE_PROFILE.name).toBe('Khánh Hòa');
  });

  it('stops the service on a profile that is missing, naming the variable', () => {
    expect(() => loadConfig(schema, { PROVINCE_PROFILE: 'khanh-hoa-cu' })).toThrow(
      /^Invalid configuration: PROVINCE_PROFILE: no profile "khanh-hoa-cu"/,
    );
  });

  it('gives a working calendar the profile’s days off and those of EXTRA_DAYS_OFF', () => {
    const config = loadConfig(schema, { EXTRA_DAYS_OFF: '2027-02-05' });
    const profile = { ...config.PROVINCE_PROFILE, extraDaysOff: [{ date: '2027-06-02', name: 'Ngày nghỉ của tỉnh' }] };
    expect(extraDaysOffOf({ ...config, PROVINCE_PROFILE: profile })).toEqual([
      { date: '2027-06-02', name: 'Ngày nghỉ của tỉnh' },
      '2027-02-05',
    ]);
  });
});
