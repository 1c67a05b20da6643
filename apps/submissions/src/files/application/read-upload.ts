import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DomainError, ValidationFailedError } from '@pressconf/contracts';
import { assertWithinCap, checkHead } from '../domain/content-check';

/** What file-type looks at to recognise a file. */
const HEAD_BYTES = 4100;

/**
 * Reads an uploaded file whole, hashing it as it arrives, and stops at the first sign it cannot be stored: past
 * `maxBytes` (413) or a head of a refused kind (415). The stream is left open on a refusal, so that the answer can
 * still be sent on its connection.
 */
export async function readUpload(content: Readable, maxBytes: number): Promise<{ bytes: Buffer; sha256: string }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  let headChecked = false;
  try {
    for await (const chunk of content.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      assertWithinCap(size, maxBytes);
      hash.update(chunk);
      chunks.push(chunk);
      if (!headChecked && size >= HEAD_BYTES) {
        headChecked = true;
        await checkHead(Buffer.concat(chunks));
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // The sender went away (the gateway cuts an upload its client made too large): nobody reads this answer.
    throw new ValidationFailedError([
      { field: 'file', message: 'ended before its last byte: the upload was cut short' },
    ]);
  }
  if (size === 0) throw new ValidationFailedError([{ field: 'file', message: 'is empty' }]);
  return { bytes: Buffer.concat(chunks, size), sha256: hash.digest('hex') };
}
