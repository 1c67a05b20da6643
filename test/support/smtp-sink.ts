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

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 30 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
          if (this.refuseWith) {
            const error = Object.assign(new Error(this.refuseWith), { responseCode: 451 });
            return callback(error);
          }
          const raw = Buffer.concat(chunks);
          this.received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            parsed: await simpleParser(raw),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Mail whose X-Conference-Id header names the conference. */
  forConference(conferenceId: string): ReceivedMail[] {
    return this.received.filter((m) => m.parsed.headers.get('x-conference-id') === conferenceId);
  }
}
