import { SMTPServer } from 'smtp-server';
import { ParsedMail, simpleParser } from 'mailparser';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

/** A real SMTP listener that keeps and parses what it receives; it can be taken down and brought back. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  /** When set, every message is refused with this temporary reply (e.g. to simulate a full queue). */
  refuseWith?: string;
  /** Delay before accepting each message: a slow server makes a fan-out last long enough to interrupt. */
  delayMs = 0;
  /** Recipients matching this are refused at RCPT TO with a permanent 550 (no such mailbox). */
  rejectRecipients?: RegExp;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 30 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectRecipients?.test(address.address)) {
          return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        const accept = async () => {
          if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
          if (this.refuseWith) {
            const error = Object.assign(new Error(this.refuseWith), { responseCode: 451 });
            return callback(error);
          }
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          // Stopped meanwhile: like a server that went down, it neither acknowledges nor keeps this message.
          // Checked last, so that keeping it and answering 250 happen together.
          if (this.server !== server) {
            return callback(Object.assign(new Error('Server shutting down'), { responseCode: 421 }));
          }
          this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed, raw });
          callback();
        };
        stream.on('end', () => void accept());
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /**
   * Stops listening at once; open connections get `closeTimeoutMs` (smtp-server's 30 s by default) to finish
   * before they are cut, which a test of an outage wants short (idle pooled connections would hold it open).
   */
  async stop(options: { closeTimeoutMs?: number } = {}): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    if (options.closeTimeoutMs !== undefined) server.options.closeTimeout = options.closeTimeoutMs;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Mail whose X-Conference-Id header names the conference. */
  forConference(conferenceId: string): ReceivedMail[] {
    return this.received.filter((m) => m.parsed.headers.get('x-conference-id') === conferenceId);
  }
}
