import type { Channel } from '@pressconf/contracts';
import type { SendOutcome } from '../domain/retry-policy';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer | string;
  /** iCalendar parts travel as an alternative body as well, so that mail clients show Accept/Decline. */
  method?: 'REQUEST' | 'CANCEL';
}

export interface OutgoingMessage {
  /** Stable per delivery, so a resend after a crash carries the same Message-ID. */
  messageId: string;
  to: { name: string; address: string };
  replyTo?: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  attachments: OutgoingAttachment[];
  headers?: Record<string, string>;
}

/**
 * A way of reaching a recipient. E-mail now; an SMS or chat-app channel implements the same contract, adds its
 * name to `Channels` in the contracts and joins NOTIFICATION_CHANNELS in DeliveryModule. A channel that cannot
 * carry a part of the message (HTML, attachments) leaves it out.
 */
export interface NotificationChannel {
  readonly name: Channel;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** Every channel the service can send through; the ChannelRegistry picks one by a delivery's `channel`. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
