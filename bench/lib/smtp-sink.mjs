// A real SMTP listener on 127.0.0.1 that records, for every message it accepts, the moment of acceptance (just
// before its 250 reply), the envelope recipient, a few headers and the size. Unlike test/support/smtp-sink.ts it
// does not parse the MIME body: on a 2-core machine the listener must cost as little CPU as possible, and it
// costs the same for the fan-out and the raw limit, which share it. For the soak it can also refuse mail (a 4xx),
// go away and come back, and pick the invitee's link out of each invitation.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { now } from './util.mjs';

const WANTED = ['x-conference-id', 'x-notification-kind', 'x-invitee-id', 'x-bench-run', 'x-bench-seq', 'message-id'];
/** The invitee's page in an invitation's text. */
const INVITATION_LINK = /\/moi\/([A-Za-z0-9_-]{32})/;

/** The token of the invitee's page link in an invitation (its text part may be quoted-printable or base64). */
async function tokenOf(raw) {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipImageLinks: true, skipTextLinks: true });
  return INVITATION_LINK.exec(parsed.text ?? '')?.[1];
}

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
  /** @type {Array<{at: number, to: string, conferenceId?: string, kind?: string, inviteeId?: string, run?: string, seq?: string, messageId?: string, token?: string, bytes: number}>} */
  received = [];
  /** When set, every message is refused at MAIL FROM with this temporary reply (e.g. `451 4.3.2 …`). */
  refuseWith = null;
  /** Look for the invitee's link in each INVITATION (costs a scan of the message). */
  captureTokens = false;
  #server;
  #listeners = new Set();

  constructor(port) {
    this.port = port;
  }

  async start() {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 30 * 1024 * 1024,
      maxClients: 2_000, // a national call went past 200 (421 to the raw worker), its pools recycling connections
      onMailFrom: (address, session, callback) => {
        if (!this.refuseWith) return callback();
        const code = Number(/^\d{3}/.exec(this.refuseWith)?.[0] ?? 451);
        callback(Object.assign(new Error(this.refuseWith.replace(/^\d{3}\s*/, '')), { responseCode: code }));
      },
      onData: (stream, session, callback) => {
        const head = [];
        const body = [];
        let headLength = 0;
        let headers = null;
        let bytes = 0;
        stream.on('data', (chunk) => {
          bytes += chunk.length;
          if (this.captureTokens) body.push(chunk);
          if (headers) return;
          head.push(chunk);
          headLength += chunk.length;
          const text = Buffer.concat(head, headLength).toString('utf8');
          const end = text.indexOf('\r\n\r\n');
          if (end >= 0 || headLength > 256 * 1024) headers = headersOf(end >= 0 ? text.slice(0, end) : text);
        });
        stream.on('end', async () => {
          if (!headers) headers = headersOf(Buffer.concat(head, headLength).toString('utf8'));
          const token =
            this.captureTokens && headers['x-notification-kind'] === 'INVITATION'
              ? await tokenOf(Buffer.concat(body)).catch(() => undefined)
              : undefined;
          // Stopped meanwhile: like a server that went down, it neither acknowledges nor keeps this message.
          if (this.#server !== server) {
            return callback(Object.assign(new Error('Server shutting down'), { responseCode: 421 }));
          }
          const mail = {
            at: now(),
            to: (session.envelope.rcptTo[0]?.address ?? '').toLowerCase(),
            conferenceId: headers['x-conference-id'],
            kind: headers['x-notification-kind'],
            inviteeId: headers['x-invitee-id'],
            run: headers['x-bench-run'],
            seq: headers['x-bench-seq'],
            messageId: headers['message-id'],
            token,
            bytes,
          };
          this.received.push(mail);
          for (const listener of this.#listeners) listener(mail);
          callback();
        });
      },
    });
    this.#server = server;
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    // A client that vanishes mid-session (a sender killed) is its own loss, not the listener's.
    server.on('error', () => undefined);
  }

  get running() {
    return this.#server !== undefined;
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
