import { z } from 'zod';
import { DEFAULT_PROVINCE, loadProvinceProfile, type ProvinceProfile } from '@pressconf/province';
import { customVar } from './env';

/**
 * The province a deployment serves (libs/province): its value is the profile itself, read and validated with the
 * rest of the configuration, so that a missing or wrong profile stops the service at start, naming the field.
 */
export const provinceEnv = {
  PROVINCE_PROFILE: customVar(
    z
      .string()
      .default(DEFAULT_PROVINCE)
      .transform((reference, context) => {
        try {
          return loadProvinceProfile(reference);
        } catch (error) {
          context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
          return z.NEVER;
        }
      }),
    {
      description:
        'the province this deployment serves: the name of a profile in `provinces/` (e.g. `khanh-hoa`) or the path of a profile file, validated at start (README, "The province profile")',
      shownDefault: '`dak-lak` (Đắk Lắk)',
    },
  ),
};

/** The days off beyond the national holidays, for a working calendar: the province profile's and EXTRA_DAYS_OFF's. */
export function extraDaysOffOf(config: {
  PROVINCE_PROFILE: ProvinceProfile;
  EXTRA_DAYS_OFF: string[];
}): ProvinceProfile['extraDaysOff'] {
  return [...config.PROVINCE_PROFILE.extraDaysOff, ...config.EXTRA_DAYS_OFF];
}
