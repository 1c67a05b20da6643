import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { AgencyRole, AgencyRoles } from './agency';

/**
 * A host contact to alert about an incident: the representative (the spokesperson, else the first contact with an
 * address) of an agency holding a host role (CO_HOST, HUMAN_RIGHTS_STANDING_OFFICE, COORDINATOR) in the registry.
 */
export class IncidentHostData {
  @IsUUID()
  agencyId: string;

  @IsString()
  @IsNotEmpty()
  agencyName: string;

  /** The agency's host role (its first in the plan's order, when it holds several). */
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
