import { createHash, randomUUID } from 'node:crypto';
import { Actor, FILE_PART_MAX_BYTES, FileChunk, problem, RpcPattern } from '@pressconf/contracts';
import { ProblemError, ServiceBus } from '../bus/service-bus';

/** ATTACHMENT_MAX_BYTES, 10 MB by default: the submissions service enforces the same cap. */
export function attachmentMaxBytes(): number {
  return Number(process.env.ATTACHMENT_MAX_BYTES ?? 10 * 1024 * 1024);
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

/**
 * Sends a file to the service in parts of at most FILE_PART_MAX_BYTES, in order, each waiting for the
 * previous answer: every Kafka message stays under the broker's default 1 MB, whatever the file's size. The
 * first refusal (a forged type, another agency's brief) ends the upload, and the service keeps nothing of it.
 * The last part's answer is what was stored.
 */
export async function sendInParts<T>(
  bus: ServiceBus,
  pattern: RpcPattern,
  target: Record<string, unknown>,
  file: UploadedFile,
  actor: Actor,
): Promise<T> {
  const bytes = file.buffer;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const count = Math.max(1, Math.ceil(bytes.length / FILE_PART_MAX_BYTES));
  const uploadId = randomUUID();
  let answer: unknown;
  for (let index = 0; index < count; index += 1) {
    const data = bytes.subarray(index * FILE_PART_MAX_BYTES, (index + 1) * FILE_PART_MAX_BYTES).toString('base64');
    answer = await bus.request(
      pattern,
      { ...target, uploadId, index, count, fileName: file.originalname, size: bytes.length, sha256, data },
      actor,
    );
  }
  return answer as T;
}

export interface ReadFile {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  version?: number;
}

/**
 * Reads a stored file from the service range by range and checks the whole against its SHA-256. The first
 * answer names the version read, and the following ranges ask for that same version.
 */
export async function readInParts(
  bus: ServiceBus,
  pattern: RpcPattern,
  target: Record<string, unknown>,
  actor: Actor,
): Promise<ReadFile> {
  const chunks: Buffer[] = [];
  let first: FileChunk | undefined;
  let read = 0;
  do {
    const chunk = await bus.request<FileChunk>(
      pattern,
      { ...target, ...(first?.version ? { version: first.version } : {}), offset: read, length: FILE_PART_MAX_BYTES },
      actor,
    );
    first ??= chunk;
    const data = Buffer.from(chunk.data, 'base64');
    if (data.length === 0 && read < first.size) break;
    chunks.push(data);
    read += data.length;
  } while (read < first.size);
  const bytes = Buffer.concat(chunks);
  if (bytes.length !== first.size || createHash('sha256').update(bytes).digest('hex') !== first.sha256) {
    throw new ProblemError(problem(502, 'The stored file could not be read whole; try again.'));
  }
  return { bytes, mediaType: first.mediaType, fileName: first.fileName, version: first.version };
}

/** `attachment; filename="…"; filename*=UTF-8''…` so that Vietnamese names survive (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
