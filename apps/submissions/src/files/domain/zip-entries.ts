import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** One entry of a ZIP archive as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; Word writes nothing else. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/**
 * The entries of a ZIP archive, read from its central directory (the authoritative list, at the end of the file),
 * or null when the bytes are not a well-formed archive. ZIP64 archives (over 4 GB) are not read: nothing that large
 * is accepted anyway.
 */
export function zipEntries(zip: Buffer): ZipEntry[] | null {
  if (zip.length < EOCD_SIZE) return null;
  let eocd = -1;
  for (let at = zip.length - EOCD_SIZE; at >= Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT); at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > eocd) return null;
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    if (at + 46 + nameLength > eocd) return null;
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      encrypted: (zip.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The names of the entries of a ZIP archive, or null when the bytes are not a well-formed archive. */
export function zipEntryNames(zip: Buffer): string[] | null {
  return zipEntries(zip)?.map((entry) => entry.name) ?? null;
}

/** An entry that cannot be read: damaged, encrypted, compressed some other way, or larger than allowed inflated. */
export class UnreadableZipEntry extends Error {}

/**
 * The content of one entry, inflated, at most `maxBytes` of it (a small archive must not inflate into gigabytes
 * in memory: a "zip bomb" fails here instead).
 */
export function readZipEntry(zip: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const at = entry.localHeaderOffset;
  if (entry.encrypted) throw new UnreadableZipEntry(`${entry.name} is encrypted`);
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_FILE_HEADER) {
    throw new UnreadableZipEntry(`${entry.name} has no local header`);
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new UnreadableZipEntry(`${entry.name} is cut short`);
  const data = zip.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new UnreadableZipEntry(`${entry.name} is larger than ${maxBytes} bytes`);
    return data;
  }
  if (entry.method !== 8) throw new UnreadableZipEntry(`${entry.name} uses compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new UnreadableZipEntry(
      tooLarge ? `${entry.name} is larger than ${maxBytes} bytes inflated` : `${entry.name} cannot be inflated`,
    );
  }
}
