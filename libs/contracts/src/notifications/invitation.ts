import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { RsvpResponse, RsvpResponses } from '../scheduling/conference';

export const DeliveryStatuses = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

export const Channels = ['EMAIL'] as const;
export type Channel = (typeof Channels)[number];

/** The notices an invitee receives about one conference, each tracked as its own delivery. */
export const InvitationNotices = [
  'INVITATION',
  'INVITATION_UPDATED',
  'INVITATION_CANCELLED',
  'INVITATION_URGENT_REMINDER',
  'INVITATION_AGENDA_CHANGED',
  'INVITATION_WITHDRAWN',
  'INVITATION_REMINDER',
] as const;
export type InvitationNotice = (typeof InvitationNotices)[number];

/** notifications.invitation.sent.v1 · notifications.invitation.failed.v1 */
export class InvitationDeliveryData {
  @IsUUID()
  conferenceId: string;

  @IsUUID()
  inviteeId: string;

  @IsIn(Channels)
  channel: Channel;

  @IsInt()
  @Min(1)
  attempts: number;

  /** Which notice reached (or failed to reach) the invitee; absent from producers older than this field. */
  @IsOptional()
  @IsIn(InvitationNotices)
  notice?: InvitationNotice;

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
