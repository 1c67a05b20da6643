import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provinceProfileSchema, type ProvinceProfile } from './profile';

/** The profile a service runs with when PROVINCE_PROFILE is not set: the province the system was first built for. */
export const DEFAULT_PROVINCE = 'dak-lak';

const PROFILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why a profile cannot be used: the file, and each wrong field by its path. */
export class ProvinceProfileError extends Error {
  override name = 'ProvinceProfileError';
}

/**
 * Where named profiles are looked for: beside the bundle (each app's build copies provinces/ there), the
 * repository's provinces/ when run from source (tests, tools), and the working directory's.
 */
export function provinceDirectories(): string[] {
  return [...new Set([join(__dirname, 'provinces'), resolve(__dirname, '../../../provinces'), resolve('provinces')])];
}

/** A reference with a slash or ending in .json is a file; anything else names a profile of provinces/. */
export function isProfilePath(reference: string): boolean {
  return reference.includes('/') || reference.endsWith('.json');
}

/** The file a PROVINCE_PROFILE value refers to: a path as given, or `<name>.json` in the first folder holding it. */
export function profileFileOf(reference: string, directories: string[] = provinceDirectories()): string {
  if (isProfilePath(reference)) return resolve(reference);
  if (!PROFILE_NAME.test(reference)) {
    throw new ProvinceProfileError(
      `"${reference}" is neither a profile name (e.g. khanh-hoa) nor a path to a .json file`,
    );
  }
  const file = directories.map((dir) => join(dir, `${reference}.json`)).find((candidate) => existsSync(candidate));
  if (!file) throw new ProvinceProfileError(`no profile "${reference}" (looked in ${directories.join(', ')})`);
  return file;
}

/** A profile from its parsed JSON, or a ProvinceProfileError naming `source` and every wrong field. */
export function parseProvinceProfile(json: unknown, source: string): ProvinceProfile {
  const result = provinceProfileSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(profile)'}: ${issue.message}`,
  );
  throw new ProvinceProfileError(`${source}: ${problems.join('; ')}`);
}

/**
 * Reads and validates the profile a PROVINCE_PROFILE value names (a name such as `khanh-hoa`, or a path). A named
 * profile must carry its own name as `id`, so that a copied file cannot pass for another province.
 */
export function loadProvinceProfile(
  reference: string = DEFAULT_PROVINCE,
  directories: string[] = provinceDirectories(),
): ProvinceProfile {
  const file = profileFileOf(reference, directories);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProvinceProfileError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const profile = parseProvinceProfile(json, file);
  if (!isProfilePath(reference) && profile.id !== reference) {
    throw new ProvinceProfileError(`${file}: id is "${profile.id}", expected "${reference}" as the file is named`);
  }
  return profile;
}
