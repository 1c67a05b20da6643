import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import type { AgencyRole } from './agency';
import { ContactLocale, ContactLocales } from './contact-locale';
import type { ConferenceKind } from './conference';

/**
 * The roles of the plan that host a conference (BRIEF.md, "Roles"): the co-host, the human-rights standing office
 * (the police) and the coordinator host every conference; the press briefing co-chair co-chairs the periodic one.
 */
export const ConferenceHostRoles = [
  'CO_HOST',
  'HUMAN_RIGHTS_STANDING_OFFICE',
  'COORDINATOR',
  'PRESS_BRIEFING_CO_CHAIR',
] as const satisfies readonly AgencyRole[];
export type ConferenceHostRole = (typeof ConferenceHostRoles)[number];

/** The host roles of a conference of this kind. */
export function hostRolesFor(kind: ConferenceKind): readonly ConferenceHostRole[] {
  return kind === 'PERIODIC' ? ConferenceHostRoles : ConferenceHostRoles.filter((r) => r !== 'PRESS_BRIEFING_CO_CHAIR');
}

/** The host roles that may add orientation documents: the co-host gives the orientation, the police prepare it. */
export const OrientationSourceRoles = [
  'CO_HOST',
  'HUMAN_RIGHTS_STANDING_OFFICE',
] as const satisfies readonly AgencyRole[];

/**
 * A host agency of a conference as the registry stood at the call: its host roles, and its representative (the
 * spokesperson, else the first contact with an address), absent when it has no contact with an address.
 */
export class HostData {
  @IsUUID()
  agencyId: string;

  @IsString()
  @IsNotEmpty()
  agencyName: string;

  /** The agency's code in the registry (the letter's number series when it issues the letter). */
  @IsString()
  @IsNotEmpty()
  code: string;

  /** The host roles it holds, most significant first. */
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ConferenceHostRoles, { each: true })
  roles: ConferenceHostRole[];

  @IsOptional()
  @IsString()
  contactName?: string;

  @IsOptional()
  @IsString()
  contactTitle?: string;

  /** Omitted for the press and read-only clients, as participants' addresses are. */
  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsIn(ContactLocales)
  locale?: ContactLocale;
}

/** The body that issues a conference's invitation letter (công văn mời), numbering it in its own series. */
export class IssuerData {
  @IsUUID()
  agencyId: string;

  @IsString()
  @IsNotEmpty()
  agencyName: string;

  @IsString()
  @IsNotEmpty()
  code: string;
}
