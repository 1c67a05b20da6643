import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';
import { AgencyRole, AgencyRoles } from './agency';
import { ContactLocale, ContactLocales } from './contact-locale';

/** `POST /conferences/{id}/invitees`: invite an agency the plan would leave out, or undo its removal. */
export class InviteeChangeDto {
  @IsUUID()
  agencyId: string;
}

/** `DELETE /conferences/{id}/invitees/{agencyId}`. */
export class ConferenceInviteeParam {
  @IsUUID()
  id: string;

  @IsUUID()
  agencyId: string;
}

/** An administrator's changes to the plan's invitation list, applied when the conference is called. */
export class InviteeChangesView {
  @IsArray()
  @IsUUID('all', { each: true })
  added: string[];

  /** Removal wins over every rule of the plan, also over `added`. */
  @IsArray()
  @IsUUID('all', { each: true })
  removed: string[];
}

/** One contact who would be invited, and why. */
export class PreviewParticipant {
  @IsUUID()
  agencyId: string;

  @IsString()
  agencyName: string;

  @IsIn(AgencyRoles)
  role: AgencyRole;

  @IsString()
  contactName: string;

  @IsOptional()
  @IsString()
  contactTitle?: string;

  @IsEmail()
  email: string;

  /** The contact's language: what this person's mail, calendar text and page are written in. */
  @IsIn(ContactLocales)
  locale: ContactLocale;

  @IsBoolean()
  mustBrief: boolean;

  /**
   * Why the plan invites this contact, e.g. "always invited as COORDINATOR", or for a press agency whose reporters
   * are marked with their fields "press agency (leader)" and "press agency (reporter: field "đất đai" matches topic
   * "Tranh chấp đất đai")"; several joined with "; ".
   */
  @IsString()
  reason: string;
}

/** An agency the plan involves but that cannot be invited: no e-mail address, unknown, or missing the role. */
export class UnreachableAgency {
  @IsUUID()
  agencyId: string;

  /** Absent when the agency is unknown or no longer valid. */
  @IsOptional()
  @IsString()
  agencyName?: string;

  /** The role it would be invited under; absent when it holds none that applies. */
  @IsOptional()
  @IsIn(AgencyRoles)
  role?: AgencyRole;

  @IsString()
  reason: string;
}

/** Who calling the conference now would invite: the registry as it stands, with the administrator's changes. */
export class ParticipantsPreview {
  @IsUUID()
  conferenceId: string;

  @IsDateTimeWithOffset()
  resolvedAt: string;

  @ValidateNested()
  @Type(() => InviteeChangesView)
  inviteeChanges: InviteeChangesView;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PreviewParticipant)
  participants: PreviewParticipant[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => UnreachableAgency)
  unreachable: UnreachableAgency[];
}
