import { fromBuffer } from 'file-type';
import { AttachmentMediaType, DomainError } from '@pressconf/contracts';
import { docxHazards } from './docx-hazards';
import { pdfHazards } from './pdf-hazards';
import { zipEntryNames } from './zip-entries';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 415: the content is not one of the accepted kinds, whatever the file is called. */
export class UnsupportedFileTypeError extends DomainError {
  readonly status = 415;
}

/** 422: a document of an accepted kind that would act when opened (run code, fetch from elsewhere). */
export class ActiveContentError extends DomainError {
  readonly status = 422;
}

/** 413: the file is over the size cap; said as soon as the bytes read pass it, so the size is not known. */
export class FileTooLargeError extends DomainError {
  readonly status = 413;
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${formatMegabytes(maxBytes)} (${maxBytes} bytes).`);
  }
}

const ACCEPTED = 'PDF, DOCX, PNG or JPEG';

const BY_EXTENSION: Record<string, AttachmentMediaType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
};

function formatMegabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** The name as shown and stored: no directories, no control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || 'tep-dinh-kem';
}

export function assertWithinCap(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new FileTooLargeError(maxBytes);
}

// Executables file-type does not name (it knows Windows' MZ), so that the refusal says what the file is.
const EXECUTABLES: Array<{ magic: number[]; mime: string }> = [
  { magic: [0x7f, 0x45, 0x4c, 0x46], mime: 'application/x-elf' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], mime: 'application/x-mach-binary' },
  { magic: [0xfe, 0xed, 0xfa, 0xcf], mime: 'application/x-mach-binary' },
  { magic: [0x23, 0x21], mime: 'text/x-shellscript' },
];

async function sniff(bytes: Buffer): Promise<{ ext: string; mime: string } | undefined> {
  const found = await fromBuffer(bytes);
  if (found) return found;
  const executable = EXECUTABLES.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  return executable ? { ext: 'executable', mime: executable.mime } : undefined;
}

function refuse(found: { mime: string } | undefined): never {
  const what = found ? `is ${found.mime}` : 'is not a recognised document or image';
  throw new UnsupportedFileTypeError(`The file's content ${what}; only ${ACCEPTED} files are accepted`);
}

/**
 * The first bytes of a file still arriving: refuses at once what cannot become an accepted file (an executable,
 * an archive of another kind...), so that the rest is not read. A ZIP head is let through: only the whole archive
 * tells whether it is a Word document.
 */
export async function checkHead(head: Buffer): Promise<void> {
  const found = await sniff(head);
  if (found && (found.ext in BY_EXTENSION || found.ext === 'docx' || found.ext === 'zip')) return;
  refuse(found);
}

/**
 * The media type of a whole file, from its content alone: PDF, PNG, JPEG, or DOCX — a ZIP archive holding
 * `[Content_Types].xml` and `word/document.xml`. Whether the document is safe to open is checkDocument's.
 */
export async function detectMediaType(content: Buffer): Promise<AttachmentMediaType> {
  const found = await sniff(content);
  if (found && found.ext in BY_EXTENSION) return BY_EXTENSION[found.ext];
  if (found && (found.ext === 'docx' || found.ext === 'zip')) {
    const names = zipEntryNames(content);
    if (names && names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return DOCX;
    throw new UnsupportedFileTypeError(
      `The file is a ZIP archive but not a Word document (no word/document.xml); only ${ACCEPTED} files are accepted`,
    );
  }
  refuse(found);
}

/**
 * The media type of a whole file (detectMediaType), once it is known to be only a document: a PDF or DOCX that
 * carries scripts, macros, embedded objects or references Word or the PDF reader would follow on opening is
 * refused with a 422 naming what it found. A .docm renamed .docx is refused here, for its macros.
 */
export async function checkDocument(content: Buffer): Promise<AttachmentMediaType> {
  const mediaType = await detectMediaType(content);
  const hazards =
    mediaType === DOCX ? docxHazards(content) : mediaType === 'application/pdf' ? pdfHazards(content) : [];
  if (hazards.length > 0) {
    const kind = mediaType === DOCX ? 'Word document' : 'PDF';
    throw new ActiveContentError(
      `The ${kind} carries ${hazards.join('; ')}. Documents that run code or fetch content when opened are refused: ` +
        'save it again as a plain document (for example, print it to PDF) and upload that.',
    );
  }
  return mediaType;
}
