import { Injectable, Logger } from '@nestjs/common';
import { Attributes, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import nodemailer, { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { isTemporaryMailError, SendOutcome } from '../domain/retry-policy';
import { NotificationChannel, OutgoingMessage } from '../application/channel';
import { notificationsConfig } from '../../config';
import { provinceSettings } from '../../province-settings';

const tracer = trace.getTracer('@pressconf/notifications');

export function smtpUrl(): string {
  return notificationsConfig().SMTP_URL;
}

/** MAIL_FROM, else the province profile's sender. */
export function mailFrom(): string {
  return provinceSettings(notificationsConfig()).mailFrom;
}

/** E-mail over SMTP through a pooled nodemailer transport. */
@Injectable()
export class EmailChannel implements NotificationChannel {
  readonly name = 'EMAIL' as const;
  private readonly logger = new Logger(EmailChannel.name);
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private readonly serverAttributes = serverAttributesOf(smtpUrl());

  constructor() {
    this.transport = nodemailer.createTransport({
      url: smtpUrl(),
      pool: true,
      maxConnections: notificationsConfig().MAIL_MAX_CONNECTIONS,
      maxMessages: 200,
      // The DeliveryWorker owns retries (backoff, attempt count, give-up). Left to itself the pool would requeue a
      // message whose connection dropped and wait, unbounded, for the server to come back, holding the send open
      // past its lease and sending it behind the worker's back.
      maxRequeues: 0,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as SMTPPool.Options & { url: string });
  }

  /** One CLIENT span per message: no instrumentation covers nodemailer, and the SMTP call is the mail's last step. */
  send(message: OutgoingMessage): Promise<SendOutcome> {
    return tracer.startActiveSpan(
      'smtp send',
      { kind: SpanKind.CLIENT, attributes: this.serverAttributes },
      async (span) => {
        const outcome = await this.sendNow(message);
        if (outcome.kind === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error });
        span.end();
        return outcome;
      },
    );
  }

  private async sendNow(message: OutgoingMessage): Promise<SendOutcome> {
    const calendar = message.attachments.find((a) => a.method);
    try {
      const info = await this.transport.sendMail({
        from: mailFrom(),
        to: message.to,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers,
        // Vietnamese text is mostly letters outside ASCII: base64 carries it in a third fewer bytes than
        // quoted-printable, and spares nodemailer scanning each part to choose (a tenth of a mail's cost).
        textEncoding: 'base64',
        ...(calendar
          ? { icalEvent: { method: calendar.method, filename: calendar.filename, content: calendar.content } }
          : {}),
        attachments: message.attachments
          .filter((a) => !a.method)
          .map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      return {
        kind: 'sent',
        response: String(info.response ?? ''),
        messageId: String(info.messageId ?? message.messageId),
      };
    } catch (error) {
      const failure = error as Error & { responseCode?: number; code?: string; response?: string };
      const description = failure.response ?? `${failure.code ?? failure.name}: ${failure.message}`;
      this.logger.warn(`mail to ${message.to.address} failed: ${description}`);
      return { kind: 'failed', error: description.slice(0, 2000), temporary: isTemporaryMailError(failure) };
    }
  }

  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}

/** Where the mail goes, for the span (never the credentials an SMTP URL may hold). */
function serverAttributesOf(url: string): Attributes {
  try {
    const { hostname, port } = new URL(url);
    return { 'server.address': hostname, ...(port ? { 'server.port': Number(port) } : {}) };
  } catch {
    return {};
  }
}
