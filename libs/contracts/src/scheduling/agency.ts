import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';
import { PageQuery } from '../common/pagination';

export const AgencyKinds = [
  'PEOPLES_COMMITTEE',
  'PARTY_BOARD',
  'DEPARTMENT',
  'MASS_ORGANIZATION',
  'CENTRAL_AGENCY',
  'ASSOCIATION',
  'LOCAL_COMMITTEE',
  'PRESS',
  'PORTAL',
] as const;
export type AgencyKind = (typeof AgencyKinds)[number];

/** Roles of the plan (BRIEF.md): agencies fill them, so a merger or renaming is a data change. */
export const AgencyRoles = [
  'CO_HOST',
  'HUMAN_RIGHTS_STANDING_OFFICE',
  'COORDINATOR',
  'PRESS_BRIEFING_CO_CHAIR',
  'PROVINCIAL_LEADERSHIP',
  'INFORMATION_PROVIDER',
  'PRESS',
  'PORTAL',
] as const;
export type AgencyRole = (typeof AgencyRoles)[number];

export class AgencyContactDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @IsEmail()
  email: string;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 .()-]{6,20}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @IsOptional()
  @IsBoolean()
  spokesperson?: boolean = false;
}

export class CreateAgencyDto {
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, {
    message: 'code must be 2-40 upper-case letters, digits, "_" or "-"',
  })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @IsIn(AgencyKinds)
  kind: AgencyKind;

  @IsArray()
  @ArrayUnique()
  @IsIn(AgencyRoles, { each: true })
  roles: AgencyRole[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  fields?: string[] = [];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  territory?: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgencyContactDto)
  contacts?: AgencyContactDto[] = [];

  @IsOptional()
  @IsDateTimeWithOffset()
  validFrom?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  validTo?: string;
}

export class UpdateAgencyDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @IsOptional()
  @IsIn(AgencyKinds)
  kind?: AgencyKind;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AgencyRoles, { each: true })
  roles?: AgencyRole[];

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  fields?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  territory?: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgencyContactDto)
  contacts?: AgencyContactDto[];

  @IsOptional()
  @IsDateTimeWithOffset()
  validFrom?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  validTo?: string;
}

export class ListAgenciesQuery extends PageQuery {
  @IsOptional()
  @IsIn(AgencyRoles)
  role?: AgencyRole;

  @IsOptional()
  @IsIn(AgencyKinds)
  kind?: AgencyKind;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export interface AgencyContact {
  name: string;
  title?: string;
  email: string;
  phone?: string;
  spokesperson: boolean;
}

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  roles: AgencyRole[];
  fields: string[];
  territory: string | null;
  contacts: AgencyContact[];
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UpdateAgencyRequest extends UpdateAgencyDto {
  id: string;
}
