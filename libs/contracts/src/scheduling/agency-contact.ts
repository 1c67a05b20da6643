import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { AgencyRole, AgencyRoles } from './agency';
import { ContactLocale, ContactLocales } from './contact-locale';

export { ContactLocales };
export type { ContactLocale };

/** A contact of an agency as events name them: who, in which agency, holding which of the plan's roles. */
export class AgencyContactData {
  @IsUUID()
  agencyId: string;

  @IsString()
  @IsNotEmpty()
  agencyName: string;

  @IsIn(AgencyRoles)
  role: AgencyRole;

  @IsString()
  @IsNotEmpty()
  contactName: string;

  @IsOptional()
  @IsString()
  contactTitle?: string;

  @IsEmail()
  email: string;

  /** The language of this person's mail, calendar text and page; absent (events of earlier versions) means `vi`. */
  @IsOptional()
  @IsIn(ContactLocales)
  locale?: ContactLocale;
}
