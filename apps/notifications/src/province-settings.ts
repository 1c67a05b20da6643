import { matchingIssuer, provinceTitle, publicHostOf } from '@pressconf/province';
import type { NotificationsConfig } from './config';
import type { MailProvince } from './rendering';

/** What notifications takes from the province profile, with the variables that override it where set. */
export interface ProvinceSettings {
  mailFrom: string;
  /** How mail, letters and calendar entries name the province. */
  names: MailProvince;
  letter: { place: string; parentBody: string; signer: { position: string; name: string } };
  /** Right-hand side of the calendar entries' UIDs: stable as long as the province's public host is. */
  calendarDomain: string;
}

/** The body issuing a letter: the code of its numbers, and its name for the header when the profile lists it. */
export interface LetterIssuer {
  code: string;
  name?: string;
}

type ProvinceVariables = Pick<
  NotificationsConfig,
  | 'PROVINCE_PROFILE'
  | 'MAIL_FROM'
  | 'LETTER_ISSUER_CODE'
  | 'LETTER_PARENT_BODY'
  | 'LETTER_SIGNER_POSITION'
  | 'LETTER_SIGNER_NAME'
>;

export function provinceSettings(config: ProvinceVariables): ProvinceSettings {
  const profile = config.PROVINCE_PROFILE;
  return {
    mailFrom: config.MAIL_FROM ?? profile.mailFrom,
    names: { vi: provinceTitle(profile), en: profile.english.name, unit: profile.unit },
    letter: {
      place: profile.letterPlace,
      parentBody: config.LETTER_PARENT_BODY ?? profile.peoplesCommittee.letterHeader,
      signer: {
        position: config.LETTER_SIGNER_POSITION ?? profile.signer.position,
        name: config.LETTER_SIGNER_NAME ?? profile.signer.name,
      },
    },
    calendarDomain: publicHostOf(profile),
  };
}

/**
 * Who issues the letter of a conference organised by this agency: the profile's body that the agency's name begins
 * with, else its first; LETTER_ISSUER_CODE, when set, numbers every letter under one code.
 */
export function letterIssuer(
  config: Pick<ProvinceVariables, 'PROVINCE_PROFILE' | 'LETTER_ISSUER_CODE'>,
  organizerName?: string,
): LetterIssuer {
  const profile = config.PROVINCE_PROFILE;
  const matched = organizerName ? matchingIssuer(profile, organizerName) : undefined;
  return {
    code: config.LETTER_ISSUER_CODE ?? (matched ?? profile.issuingBodies[0]).code,
    ...(matched ? { name: matched.name } : {}),
  };
}
