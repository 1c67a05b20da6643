import { docxFile, elfFile, exeFile, jpegFile, pdfFile, pdfWith, pngFile, zipFile } from '../../../test/fixtures/files';
import {
  ActiveContentError,
  assertWithinCap,
  checkDocument,
  checkHead,
  detectMediaType,
  DOCX,
  FileTooLargeError,
  safeFileName,
  UnsupportedFileTypeError,
} from './content-check';
import { zipEntryNames } from './zip-entries';

describe('detectMediaType', () => {
  it.each([
    ['a PDF', pdfFile(), 'application/pdf'],
    ['a PNG', pngFile(), 'image/png'],
    ['a JPEG', jpegFile(), 'image/jpeg'],
    ['a Word document', docxFile(), DOCX],
  ])('recognises %s by its content', async (_, content, mediaType) => {
    await expect(detectMediaType(content)).resolves.toBe(mediaType);
  });

  it.each([
    ['a Linux executable', elfFile()],
    ['a Windows executable', exeFile()],
    ['plain text', Buffer.from('Báo cáo tình hình', 'utf8')],
  ])('refuses %s with a 415 naming what it found', async (_, content) => {
    const error = await detectMediaType(content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFileTypeError);
    expect((error as UnsupportedFileTypeError).status).toBe(415);
    expect((error as Error).message).toMatch(/only PDF, DOCX, PNG or JPEG/);
  });

  it('names an executable for what it is', async () => {
    await expect(detectMediaType(elfFile())).rejects.toThrow(/application\/x-elf/);
  });

  it('refuses a ZIP archive that is not a Word document', async () => {
    await expect(detectMediaType(zipFile({ 'readme.txt': 'hello' }))).rejects.toThrow(UnsupportedFileTypeError);
  });
});

describe('checkDocument', () => {
  it('answers the type of a plain document or image', async () => {
    await expect(checkDocument(docxFile({ hyperlinkAndChart: true, deflate: true }))).resolves.toBe(DOCX);
    await expect(checkDocument(pdfFile())).resolves.toBe('application/pdf');
    await expect(checkDocument(pngFile())).resolves.toBe('image/png');
  });

  it.each([
    ['a .docm renamed .docx', docxFile({ macros: true }), /Word document carries macros/],
    ['a remote template', docxFile({ remoteTemplate: true }), /external references/],
    [
      'a PDF running JavaScript',
      pdfWith(['<< /S /JavaScript /JS (x) >>'], { catalogEntries: '/OpenAction 4 0 R' }),
      /PDF carries JavaScript/,
    ],
  ])('refuses %s with a 422 saying why', async (_, content, why) => {
    const error = await checkDocument(content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActiveContentError);
    expect((error as ActiveContentError).status).toBe(422);
    expect((error as Error).message).toMatch(why);
  });
});

describe('checkHead', () => {
  it('lets through the first bytes of every accepted kind, ZIP included', async () => {
    for (const file of [pdfFile(), pngFile(), jpegFile(), docxFile(), zipFile({ 'a.txt': 'a' })]) {
      await expect(checkHead(file.subarray(0, 4100))).resolves.toBeUndefined();
    }
  });

  it('refuses an executable from its first bytes', async () => {
    await expect(checkHead(exeFile())).rejects.toThrow(UnsupportedFileTypeError);
    await expect(checkHead(elfFile())).rejects.toThrow(UnsupportedFileTypeError);
  });
});

describe('assertWithinCap', () => {
  it('refuses a file over the cap with a 413 stating the limit', () => {
    expect(() => assertWithinCap(10 * 1024 * 1024, 10 * 1024 * 1024)).not.toThrow();
    const error = (() => {
      try {
        assertWithinCap(10 * 1024 * 1024 + 1, 10 * 1024 * 1024);
      } catch (e) {
        return e as FileTooLargeError;
      }
    })();
    expect(error?.status).toBe(413);
    expect(error?.message).toContain('10 MB');
  });
});

describe('zipEntryNames', () => {
  it('lists the entries from the central directory', () => {
    expect(zipEntryNames(docxFile())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('answers null for bytes that are not an archive, or a truncated one', () => {
    expect(zipEntryNames(Buffer.from('not a zip at all, not at all'))).toBeNull();
    const zip = docxFile();
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps a Vietnamese name, drops directories and control characters', () => {
    expect(safeFileName('Báo cáo tháng 11.pdf')).toBe('Báo cáo tháng 11.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\lan\\bao-cao.docx')).toBe('bao-cao.docx');
    expect(safeFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(safeFileName('/')).toBe('tep-dinh-kem');
  });
});
