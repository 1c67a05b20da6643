import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { AgencyKind, AgencyKinds, AgencyRole, AgencyRoles } from './agency';
import { ContactLocale, ContactLocales } from './agency-contact';

/** A contact as the registry events carry it (no phone: services that mail people need no more). */
export class AgencyContactEventData {
  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  title?: string;

  @IsEmail()
  email: string;

  @IsBoolean()
  spokesperson: boolean;

  @IsIn(ContactLocales)
  locale: ContactLocale;

  /** The fields a press reporter covers; empty for everyone else. */
  @IsArray()
  @IsString({ each: true })
  fields: string[];
}

/**
 * scheduling.agency.registered.v1 and scheduling.agency.changed.v1: the agency as it stands after the change, whole,
 * so that a consumer keeps its copy of the registry by replacing what it held (the topic is keyed by agency id and
 * compacted: the latest state of every agency stays on it).
 */
export class AgencyEventData {
  @IsUUID()
  agencyId: string;

  @IsString()
  code: string;

  @IsString()
  name: string;

  @IsIn(AgencyKinds)
  kind: AgencyKind;

  @IsArray()
  @IsIn(AgencyRoles, { each: true })
  roles: AgencyRole[];

  @IsArray()
  @IsString({ each: true })
  fields: string[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgencyContactEventData)
  contacts: AgencyContactEventData[];

  @IsDateTimeWithOffset()
  validFrom: string;

  @Nullable()
  @IsDateTimeWithOffset()
  validTo: string | null;
}
