import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { AgencyRole, AgencyRoles } from './agency';

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
}
