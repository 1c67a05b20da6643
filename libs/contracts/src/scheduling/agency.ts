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
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { JSONSchema } from 'class-validator-jsonschema';
import { PageQuery } from '../common/pagination';
import { ContactLocale, ContactLocales } from './contact-locale';

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

  /** The language this person is written to in (mail, calendar text, page); the letter stays Vietnamese. */
  @IsOptional()
  @IsIn(ContactLocales)
  locale?: ContactLocale = 'vi';

  /**
   * The fields a press reporter covers (e.g. "đất đai"): a call invites a press agency's leader and the reporters
   * of the conference's topics; when none of its contacts has fields, all of them.
   */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  fields?: string[] = [];
}

@JSONSchema({
  example: {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    kind: 'DEPARTMENT',
    roles: ['INFORMATION_PROVIDER'],
    fields: ['đất đai', 'môi trường', 'nông nghiệp'],
    contacts: [
      {
        name: 'Đỗ Thị Lan',
        title: 'Phó Giám đốc',
        email: 'dtlan@snnmt.daklak.example',
        phone: '+84 262 3852 111',
        spokesperson: true,
        locale: 'vi',
      },
    ],
    validFrom: '2025-03-01T00:00:00+07:00',
  },
})
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

  /** Closes the agency (a merger, a renaming); `null` reopens it. */
  @IsOptional()
  @Nullable()
  @IsDateTimeWithOffset()
  validTo?: string | null;
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

  /**
   * Only agencies valid at this instant (validFrom ≤ validAt < validTo), each as it stood then: the roles, fields,
   * name and contacts it had at that instant, not those of a later change.
   */
  @IsOptional()
  @IsDateTimeWithOffset()
  validAt?: string;
}

/** A contact of an agency, as shown. */
export class AgencyContact {
  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  title?: string;

  @IsEmail()
  email: string;

  @IsOptional()
  @IsString()
  phone?: string;

  @IsBoolean()
  spokesperson: boolean;

  @IsIn(ContactLocales)
  locale: ContactLocale;

  /** The fields a press reporter covers; empty for everyone else. */
  @IsArray()
  @IsString({ each: true })
  fields: string[];
}

/** `GET /agencies/{id}?validAt=`: the agency as it stood at that instant. */
export class GetAgencyQuery {
  /** The agency as it stood then (its name, roles, fields and contacts); 404 if it was not valid then. */
  @IsOptional()
  @IsDateTimeWithOffset()
  validAt?: string;
}

@JSONSchema({
  example: {
    id: '3f2c1a4e-8b1d-4c6e-9a0f-5d7e2b1c4a90',
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    kind: 'DEPARTMENT',
    roles: ['COORDINATOR'],
    fields: ['báo chí', 'thông tin đối ngoại'],
    territory: null,
    contacts: [
      {
        name: 'Lê Quang Minh',
        title: 'Giám đốc',
        email: 'lqminh@svhttdl.daklak.example',
        spokesperson: true,
        locale: 'vi',
        fields: [],
      },
    ],
    validFrom: '2025-03-01T00:00:00.000Z',
    validTo: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
  },
})
export class AgencyView {
  @IsUUID()
  id: string;

  @IsString()
  code: string;

  @IsString()
  name: string;

  @IsIn(AgencyKinds)
  kind: AgencyKind;

  @IsIn(AgencyRoles, { each: true })
  roles: AgencyRole[];

  @IsString({ each: true })
  fields: string[];

  @Nullable()
  @IsString()
  territory: string | null;

  @ValidateNested({ each: true })
  @Type(() => AgencyContact)
  contacts: AgencyContact[];

  @IsDateTimeWithOffset()
  validFrom: string;

  @Nullable()
  @IsDateTimeWithOffset()
  validTo: string | null;

  @IsDateTimeWithOffset()
  createdAt: string;

  @IsDateTimeWithOffset()
  updatedAt: string;
}
