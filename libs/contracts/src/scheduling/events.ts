import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateTimeWithOffset } from '../common/validators';
import { AgendaItem } from './agenda';
import { AgencyContactData } from './agency-contact';
import { ConferenceKind, ConferenceKinds } from './conference';
import { HostData, IssuerData } from './hosts';

export class InviteeData extends AgencyContactData {
  @IsUUID()
  inviteeId: string;

  @IsBoolean()
  mustBrief: boolean;
}

export class OrganizerData {
  @IsUUID()
  agencyId: string;

  @IsString()
  @IsNotEmpty()
  agencyName: string;

  @IsEmail()
  email: string;
}

/** scheduling.conference.called.v1 */
export class ConferenceCalledData {
  @IsUUID()
  conferenceId: string;

  @IsIn(ConferenceKinds)
  kind: ConferenceKind;

  @IsString()
  @IsNotEmpty()
  title: string;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsString()
  venue: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];

  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  briefsDueAt?: string;

  @IsInt()
  @Min(0)
  sequence: number;

  /** The coordinating agency, organiser of the calendar event and Reply-To of the mail. */
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizerData)
  organizer?: OrganizerData;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InviteeData)
  invitees: InviteeData[];

  /**
   * The host agencies the registry named at the call (co-host, standing office, coordinator, and for a PERIODIC
   * conference the press briefing co-chair); absent in events of earlier versions.
   */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HostData)
  hosts?: HostData[];

  /**
   * The body that issues the invitation letter, in its own number series: the co-host, else the coordinator; absent
   * in events of earlier versions (the letter is then the organiser's) and when no agency holds either role.
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => IssuerData)
  issuer?: IssuerData;

  /** The agenda as it stood at the call; absent when none was set. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgendaItem)
  agenda?: AgendaItem[];
}

/** scheduling.conference.rescheduled.v1 */
export class ConferenceRescheduledData {
  @IsUUID()
  conferenceId: string;

  @IsInt()
  @Min(0)
  sequence: number;

  @IsDateTimeWithOffset()
  startsAt: string;

  @IsDateTimeWithOffset()
  endsAt: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  previousStartsAt?: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  briefsDueAt?: string;

  @IsString()
  reason: string;
}

/** scheduling.conference.cancelled.v1 */
export class ConferenceCancelledData {
  @IsUUID()
  conferenceId: string;

  @IsInt()
  @Min(0)
  sequence: number;

  @IsString()
  reason: string;
}

/** scheduling.conference.completed.v1 */
export class ConferenceCompletedData {
  @IsUUID()
  conferenceId: string;

  @IsInt()
  @Min(0)
  sequence: number;
}

/**
 * scheduling.conference.agenda-changed.v1: the agenda of a called conference was replaced; every current invitee
 * is told. `sequence` is higher than before (calendars keep the newest copy).
 */
export class ConferenceAgendaChangedData {
  @IsUUID()
  conferenceId: string;

  @IsInt()
  @Min(0)
  sequence: number;

  /** The whole agenda as it stands now, in order; empty when it was cleared. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgendaItem)
  agenda: AgendaItem[];
}

/**
 * scheduling.conference.invitees-changed.v1: an administrator added or removed an invitee agency after the call.
 * `added` are invited now (each with a new `inviteeId`); `removed` are no longer invited. Removing an agency
 * withdraws all its invitees in one event: an agency in `removed` and not in `added` has no invitee left.
 */
export class ConferenceInviteesChangedData {
  @IsUUID()
  conferenceId: string;

  @IsInt()
  @Min(0)
  sequence: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InviteeData)
  added: InviteeData[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InviteeData)
  removed: InviteeData[];
}
