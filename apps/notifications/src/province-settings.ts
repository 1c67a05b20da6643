import type { IssuerData, OrganizerData } from '@pressconf/contracts';
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

/** What a conference's call named of the body issuing its letter: the issuer, or (earlier events) the organiser. */
export interface LetterIssuerNamed {
  issuer?: IssuerData | null;
  organizer?: OrganizerData | null;
}

/**
 * Who issues a conference's letter, in which number series. The issuer the call named (the co-host, else the
 * coordinator): the profile's issuing body its name begins with (header and code from the profile), else the
 * agency itself under its registry code. For events of earlier versions, which name no issuer, the profile's body
 * that the organiser's name begins with, else its first, as before. LETTER_ISSUER_CODE, when set, numbers every
 * letter under one code.
 */
export function letterIssuer(
  config: Pick<ProvinceVariables, 'PROVINCE_PROFILE' | 'LETTER_ISSUER_CODE'>,
  named: LetterIssuerNamed = {},
): LetterIssuer {
  const profile = config.PROVINCE_PROFILE;
  const agencyName = named.issuer?.agencyName ?? named.organizer?.agencyName;
  const matched = agencyName ? matchingIssuer(profile, agencyName) : undefined;
  const own = matched ?? (named.issuer ? { code: named.issuer.code, name: named.issuer.agencyName } : undefined);
  return {
    code: config.LETTER_ISSUER_CODE ?? (own ?? profile.issuingBodies[0]).code,
    ...(own ? { name: own.name } : {}),
  };
}
