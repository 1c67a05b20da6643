import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NotificationsConfig } from '../../config';
import { CheckedTarget } from './webhook-targets';

/** What one POST to a receiver came to: its status (if it answered) and how long it took. */
export interface PostOutcome {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** The answer's body is read (so the connection can close cleanly) but kept only this far, for the error text. */
const KEPT_ANSWER = 300;

/**
 * POSTs a signed body to a checked target: connects to the checked address (the host name still goes in the
 * Host header and TLS's SNI and certificate check), follows no redirect (a 3xx is a failed attempt like any non-2xx
 * answer), and gives up after WEBHOOK_TIMEOUT_MS for the whole exchange.
 */
@Injectable()
export class WebhookSender {
  private readonly timeoutMs: number;

  constructor(config: ConfigService<NotificationsConfig, true>) {
    this.timeoutMs = config.get('WEBHOOK_TIMEOUT_MS', { infer: true });
  }

  post(target: CheckedTarget, body: string, headers: Record<string, string>): Promise<PostOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const client = target.url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const request = client.request(
        target.url,
        {
          method: 'POST',
          lookup: pinned,
          agent: false,
          signal: AbortSignal.timeout(this.timeoutMs),
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'pressconf-webhooks/1',
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          response.on('data', (chunk: Buffer) => {
            if (kept < KEPT_ANSWER) chunks.push(chunk);
            kept += chunk.length;
          });
          response.on('error', (error) => resolve({ statusCode: null, durationMs: elapsed(), error: describe(error) }));
          response.on('end', () => {
            const statusCode = response.statusCode ?? null;
            const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
            const answer = Buffer.concat(chunks).toString('utf8').slice(0, KEPT_ANSWER).trim();
            resolve({
              statusCode,
              durationMs: elapsed(),
              error: ok ? null : `HTTP ${statusCode}${answer ? `: ${answer}` : ''}`,
            });
          });
        },
      );
      request.on('error', (error) => resolve({ statusCode: null, durationMs: elapsed(), error: describe(error) }));
      request.end(body);
    });
  }
}

function describe(error: Error): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer within the timeout';
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
