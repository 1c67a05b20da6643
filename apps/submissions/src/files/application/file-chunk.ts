import { FileChunk } from '@pressconf/contracts';

/** A row read with `substring(<bytes> FROM offset + 1 FOR length) AS data` and the file's metadata. */
export interface FileRangeRow {
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
}

/** SQL's substring counts from 1. */
export function sqlRange(range: { offset: number; length: number }): [number, number] {
  return [range.offset + 1, range.length];
}

export function toFileChunk(row: FileRangeRow, offset: number, version?: number): FileChunk {
  return {
    mediaType: row.media_type,
    fileName: row.file_name,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    offset,
    data: row.data.toString('base64'),
    ...(version !== undefined ? { version } : {}),
  };
}
