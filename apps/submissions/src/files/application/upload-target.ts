import { EntityManager } from 'typeorm';
import type { Actor, AttachmentMediaType } from '@pressconf/contracts';

/** A whole file, read and checked: its type comes from its content. */
export interface ReceivedFile {
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
  content: Buffer;
}

/** Where an uploaded file goes (a brief's attachments, a conference's orientation documents), and what for. */
export interface UploadTarget<I, R> {
  /** Before the file is read: may this actor add a file there, now? (404, 403, 409) */
  authorize(input: I, actor: Actor, manager: EntityManager): Promise<void>;
  /** Stores the file, checking again under lock, in one transaction. */
  store(file: ReceivedFile, input: I, actor: Actor, tx: EntityManager): Promise<R>;
}
