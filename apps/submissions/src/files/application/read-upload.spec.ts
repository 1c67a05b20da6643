import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ValidationFailedError } from '@pressconf/contracts';
import { elfFile, pdfFile } from '../../../test/fixtures/files';
import { FileTooLargeError, UnsupportedFileTypeError } from '../domain/content-check';
import { readUpload } from './read-upload';

/** A stream of `bytes` in chunks of `size`, counting how many chunks were read from it. */
function chunked(bytes: Buffer, size: number) {
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );
  const read = { count: 0 };
  const stream = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        read.count += 1;
        yield chunk;
      }
    })(),
  );
  return { stream, read, total: chunks.length };
}

describe('readUpload', () => {
  it('reads the whole file with its SHA-256', async () => {
    const file = pdfFile(100_000);
    const { bytes, sha256 } = await readUpload(chunked(file, 8192).stream, 200_000);
    expect(bytes.equals(file)).toBe(true);
    expect(sha256).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('stops at the first chunk past the cap, with a 413 naming the limit, and leaves the stream open', async () => {
    const { stream, read, total } = chunked(pdfFile(100_000), 8192);
    const error = await readUpload(stream, 20_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).message).toContain('(20000 bytes)');
    expect(read.count).toBeLessThan(total);
    expect(stream.destroyed).toBe(false);
  });

  it('refuses a forged file from its head, before reading the rest', async () => {
    const forged = Buffer.concat([elfFile(), Buffer.alloc(100_000)]);
    const { stream, read, total } = chunked(forged, 4096);
    await expect(readUpload(stream, 1_000_000)).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    expect(read.count).toBeLessThan(total);
  });

  it('refuses an empty file and one cut short with a 400', async () => {
    await expect(readUpload(Readable.from([]), 1000)).rejects.toBeInstanceOf(ValidationFailedError);
    const cut = new Readable({ read() {} });
    cut.push(pdfFile());
    setImmediate(() => cut.destroy(new Error('aborted')));
    await expect(readUpload(cut, 1_000_000)).rejects.toThrow(/cut short/);
  });
});
