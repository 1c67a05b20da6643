// A real SMTP listener on 127.0.0.1 that records, for every message it accepts, the moment of acceptance (just
// before its 250 reply), the envelope recipient, a few headers and the size. Unlike test/support/smtp-sink.ts it
// does not parse the MIME body: on a 2-core machine the listener must cost as little CPU as possible, and it
// costs the same for the fan-out and the raw limit, which share it.
import { SMTPServer } from 'smtp-server';
import { now } from './util.mjs';

const WANTED = ['x-conference-id', 'x-notification-kind', 'x-invitee-id', 'x-bench-run', 'x-bench-seq'];

function headersOf(block) {
  const unfolded = block.replace(/\r\n[ \t]+/g, ' ');
  const found = {};
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (WANTED.includes(name)) found[name] = line.slice(colon + 1).trim();
  }
  return found;
}

export class SmtpSink {
  /** @type {Array<{at: number, to: string, conferenceId?: string, kind?: string, inviteeId?: string, run?: string, seq?: string, bytes: number}>} */
  received = [];
  #server;
  #listeners = new Set();

  constructor(port) {
    this.port = port;
  }

  async start() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 30 * 1024 * 1024,
      maxClients: 200,
      onData: (stream, session, callback) => {
        const head = [];
        let headLength = 0;
        let headers = null;
        let bytes = 0;
        stream.on('data', (chunk) => {
          bytes += chunk.length;
          if (headers) return;
          head.push(chunk);
          headLength += chunk.length;
          const text = Buffer.concat(head, headLength).toString('utf8');
          const end = text.indexOf('\r\n\r\n');
          if (end >= 0 || headLength > 256 * 1024) headers = headersOf(end >= 0 ? text.slice(0, end) : text);
        });
        stream.on('end', () => {
          if (!headers) headers = headersOf(Buffer.concat(head, headLength).toString('utf8'));
          const mail = {
            at: now(),
            to: (session.envelope.rcptTo[0]?.address ?? '').toLowerCase(),
            conferenceId: headers['x-conference-id'],
            kind: headers['x-notification-kind'],
            inviteeId: headers['x-invitee-id'],
            run: headers['x-bench-run'],
            seq: headers['x-bench-seq'],
            bytes,
          };
          this.received.push(mail);
          for (const listener of this.#listeners) listener(mail);
          callback();
        });
      },
    });
    await new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.port, '127.0.0.1', resolve);
    });
  }

  /** Calls `listener(mail)` for every accepted message; returns the function that stops it. */
  onMail(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async stop() {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.options.closeTimeout = 1000;
    await new Promise((resolve) => server.close(resolve));
  }
}
