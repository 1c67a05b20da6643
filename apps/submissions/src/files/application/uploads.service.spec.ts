import { PassThrough, Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { pdfFile } from '../../../test/fixtures/files';
import { UploadTarget } from './upload-target';
import { UploadsService } from './uploads.service';

const actor: Actor = { role: 'coordinator', subject: 'key-1' };
/** Stores nothing: answers the size it was given. */
const target: UploadTarget<void, number> = {
  authorize: () => Promise.resolve(),
  store: (file) => Promise.resolve(file.size),
};
const dataSource = {
  manager: {} as EntityManager,
  transaction: (work: (tx: EntityManager) => Promise<unknown>) => work({} as EntityManager),
} as unknown as DataSource;

describe('UploadsService', () => {
  it('receives UPLOAD_MAX_CONCURRENT files at once, refuses one more with a 503 and Retry-After, then takes it', async () => {
    const uploads = new UploadsService(dataSource, { maxBytes: 1_000_000, maxConcurrent: 1 });
    const slow = new PassThrough();
    const first = uploads.receive(target, undefined, actor, { fileName: 'a.pdf', content: slow });
    const refused = await uploads
      .receive(target, undefined, actor, { fileName: 'b.pdf', content: Readable.from([pdfFile()]) })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(503);
    expect((refused as ProblemError).headers['Retry-After']).toMatch(/^\d+$/);
    expect((refused as ProblemError).problem.detail).toContain('UPLOAD_MAX_CONCURRENT');

    slow.end(pdfFile());
    await expect(first).resolves.toBe(pdfFile().length);
    await expect(
      uploads.receive(target, undefined, actor, { fileName: 'b.pdf', content: Readable.from([pdfFile()]) }),
    ).resolves.toBe(pdfFile().length);
  });

  it('frees its slot when a file is refused', async () => {
    const uploads = new UploadsService(dataSource, { maxBytes: 10, maxConcurrent: 1 });
    const tooLarge = () =>
      uploads.receive(target, undefined, actor, { fileName: 'a.pdf', content: Readable.from([pdfFile()]) });
    await expect(tooLarge()).rejects.toMatchObject({ status: 413 });
    await expect(tooLarge()).rejects.toMatchObject({ status: 413 });
  });
});
