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

/** A way of reaching an invitee. E-mail now; an SMS or chat-app channel implements the same contract. */
export interface NotificationChannel {
  readonly name: 'EMAIL';
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}

export const NOTIFICATION_CHANNEL = Symbol('NOTIFICATION_CHANNEL');
