import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { RsvpResponse, RsvpResponses, RsvpState } from '../scheduling/conference';

export const DeliveryStatuses = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

export const Channels = ['EMAIL'] as const;
export type Channel = (typeof Channels)[number];

export interface InvitationView {
  id: string;
  conferenceId: string;
  inviteeId: string;
  agencyId: string;
  recipient: string;
  email: string;
  channel: Channel;
  status: DeliveryStatus;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
  rsvp: RsvpState;
  delegateName?: string;
}

/** notifications.invitation.sent.v1 · notifications.invitation.failed.v1 */
export class InvitationDeliveryData {
  @IsUUID()
  conferenceId: string;

  @IsUUID()
  inviteeId: string;

  @IsIn(['EMAIL'])
  channel: Channel;

  @IsInt()
  @Min(1)
  attempts: number;

  @IsOptional()
  @IsString()
  error?: string;
}

/** notifications.rsvp.received.v1 */
export class RsvpReceivedData {
  @IsUUID()
  conferenceId: string;

  @IsUUID()
  inviteeId: string;

  @IsIn(RsvpResponses)
  response: RsvpResponse;

  @IsOptional()
  @IsString()
  delegateName?: string;

  @IsOptional()
  @IsString()
  delegateTitle?: string;
}
