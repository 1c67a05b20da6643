// The province profile that `npm start` and the demo seeding run with: PROVINCE_PROFILE names a profile of
// provinces/ (`khanh-hoa`) or the path of a profile file, as the services read it (libs/province). Read here only
// for its name and its demo directory, without validation: each service validates it at start and stops, naming the
// wrong field.
//
// Node built-ins only: this runs before `npm ci` has installed anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PROVINCE = 'dak-lak';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The file a PROVINCE_PROFILE value refers to: a path as given (a slash, or .json), else provinces/<name>.json. */
export function profileFileOf(reference = DEFAULT_PROVINCE, root = ROOT) {
  return reference.includes('/') || reference.endsWith('.json')
    ? path.resolve(reference)
    : path.join(root, 'provinces', `${reference}.json`);
}

/** `{ file, profile }` of the profile PROVINCE_PROFILE (or `reference`) names. */
export function readProfile(reference = process.env.PROVINCE_PROFILE || DEFAULT_PROVINCE, root = ROOT) {
  const file = profileFileOf(reference, root);
  let profile;
  try {
    profile = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`province profile ${reference}: cannot read ${file}: ${error.message}`, { cause: error });
  }
  return { file, profile };
}

/** The demo directory of a profile (its `demoDirectory`, relative to the profile's folder), or undefined. */
export function demoDirectoryOf({ file, profile }) {
  return typeof profile.demoDirectory === 'string'
    ? path.resolve(path.dirname(file), profile.demoDirectory)
    : undefined;
}
