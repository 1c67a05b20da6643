import type { Request } from 'express';
import { problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';

const FORM_LIMIT_BYTES = 8 * 1024;

/**
 * Reads a small application/x-www-form-urlencoded body. The gateway parses JSON only (main.ts); the invitee page's
 * form, posted by a browser without script, is the one place a form arrives, so its parser lives with it rather
 * than opening every API route to form bodies. Any other type reads as an empty form.
 */
export async function readForm(request: Request): Promise<URLSearchParams> {
  if (!request.is('application/x-www-form-urlencoded')) return new URLSearchParams();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) throw new ProblemError(problem(413, 'The request body is larger than allowed.'));
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
