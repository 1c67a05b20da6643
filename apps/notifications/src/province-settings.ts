import type { IssuerData, OrganizerData } from '@pressconf/contracts';
import { matchingIssuer, provinceTitle, publicHostOf } from '@pressconf/province';
import type { NotificationsConfig } from './config';
import type { MailProvince } from './rendering';

/** What notifications takes from the province profile, with the variables that override it where set. */
export interface ProvinceSettings {
  mailFrom: string;
  /** How mail, letters and calendar entries name the province. */
  names: MailProvince;
  letter: { place: string };
  /** Right-hand side of the calendar entries' UIDs: stable as long as the province's public host is. */
  calendarDomain: string;
}

/** The body issuing a letter: its name and header line, the code of its numbers, and who signs for it. */
export interface LetterIssuer {
  code: string;
  name: string;
  parentBody: string;
  signer: { position: string; name: string };
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
    letter: { place: profile.letterPlace },
    calendarDomain: publicHostOf(profile),
  };
}

/** What a conference's call named of the body issuing its letter: the issuer, or (earlier events) the organiser. */
export interface LetterIssuerNamed {
  issuer?: IssuerData | null;
  organizer?: OrganizerData | null;
}

/**
 * Who issues a conference's letter, in which number series: the profile's issuing body that the issuer the call
 * named (the co-host, else the coordinator) begins with, else the one the organiser's name begins with (also for
 * events of earlier versions, which name no issuer), else the profile's first. A body the profile does not list
 * does not issue: the system has no letterhead or signer for it. LETTER_* variables, where set, override.
 */
export function letterIssuer(
  config: Pick<ProvinceVariables, 'PROVINCE_PROFILE' | 'LETTER_ISSUER_CODE'> &
    Partial<Pick<ProvinceVariables, 'LETTER_PARENT_BODY' | 'LETTER_SIGNER_POSITION' | 'LETTER_SIGNER_NAME'>>,
  named: LetterIssuerNamed = {},
): LetterIssuer {
  const profile = config.PROVINCE_PROFILE;
  const [issuer, organizer] = [named.issuer?.agencyName, named.organizer?.agencyName];
  const body =
    (issuer && matchingIssuer(profile, issuer)) ||
    (organizer && matchingIssuer(profile, organizer)) ||
    profile.issuingBodies[0];
  const signer = body.signer ?? profile.signer;
  return {
    code: config.LETTER_ISSUER_CODE ?? body.code,
    name: body.name,
    parentBody: config.LETTER_PARENT_BODY ?? body.letterHeader ?? profile.peoplesCommittee.letterHeader,
    signer: {
      position: config.LETTER_SIGNER_POSITION ?? signer.position,
      name: config.LETTER_SIGNER_NAME ?? signer.name,
    },
  };
}
