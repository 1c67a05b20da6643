const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The names of the entries of a ZIP archive, read from its central directory (the authoritative list, at the
 * end of the file), or null when the bytes are not a well-formed archive. ZIP64 archives (over 4 GB) are not
 * read: nothing that large is accepted anyway.
 */
export function zipEntryNames(zip: Buffer): string[] | null {
  if (zip.length < EOCD_SIZE) return null;
  let eocd = -1;
  for (let at = zip.length - EOCD_SIZE; at >= Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT); at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (directoryOffset + directorySize > eocd) return null;
  const names: string[] = [];
  let at = directoryOffset;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    if (at + 46 + nameLength > eocd) return null;
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
