import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '@pressconf/contracts';
import { detectMediaType, safeFileName } from '../domain/content-check';
import { readUpload } from './read-upload';
import { ReceivedFile, UploadTarget } from './upload-target';
import { SubmissionsConfig, submissionsConfig } from '../../config';

export const FILE_LIMITS = Symbol('FILE_LIMITS');

export interface FileLimits {
  /** ATTACHMENT_MAX_BYTES, 10 MB by default: the gateway applies the same cap while reading the upload. */
  maxBytes: number;
}

export function fileLimitsFromEnv(
  config: Pick<SubmissionsConfig, 'ATTACHMENT_MAX_BYTES'> = submissionsConfig(),
): FileLimits {
  return { maxBytes: config.ATTACHMENT_MAX_BYTES };
}

/** An uploaded file as it arrives: its name as the uploader gave it, and its bytes still to be read. */
export interface IncomingFile {
  fileName: string;
  content: Readable;
}

/**
 * Receives a file in one request: the target authorises the actor before anything is read, the bytes are read
 * within the cap with their SHA-256 and a look at the head, then the whole is checked by content and stored by
 * the target in one transaction. A refused file leaves nothing behind.
 */
@Injectable()
export class UploadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_LIMITS) private readonly limits: FileLimits,
  ) {}

  async receive<I, R>(target: UploadTarget<I, R>, input: I, actor: Actor, incoming: IncomingFile): Promise<R> {
    await target.authorize(input, actor, this.dataSource.manager);
    const { bytes, sha256 } = await readUpload(incoming.content, this.limits.maxBytes);
    const file: ReceivedFile = {
      fileName: safeFileName(incoming.fileName),
      mediaType: await detectMediaType(bytes),
      size: bytes.length,
      sha256,
      content: bytes,
    };
    return this.dataSource.transaction((tx) => target.store(file, input, actor, tx));
  }
}
