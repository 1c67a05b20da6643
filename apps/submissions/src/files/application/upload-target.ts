import { EntityManager } from 'typeorm';
import type { Actor, AttachmentMediaType, FilePart } from '@pressconf/contracts';

/** A whole file, put together from its parts and checked: its type comes from its content. */
export interface ReceivedFile {
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  content: Buffer;
}

/** Where an uploaded file goes (a brief's attachments, a conference's orientation documents). */
export interface UploadTarget<P extends FilePart, R> {
  /** Recorded with the parts, so that a part cannot be added to another target's upload. */
  readonly name: string;
  targetId(part: P): string;
  /** Before anything of the file is kept: may this actor add a file there, now? (404, 403, 409) */
  authorize(part: P, actor: Actor, manager: EntityManager): Promise<void>;
  /** Stores the file, checking again under lock; runs in the transaction that also drops the parts. */
  store(file: ReceivedFile, part: P, actor: Actor, tx: EntityManager): Promise<R>;
}
