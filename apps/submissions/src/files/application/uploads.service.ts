import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor, problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { checkDocument, safeFileName } from '../domain/content-check';
import { readUpload } from './read-upload';
import { ReceivedFile, UploadTarget } from './upload-target';
import { SubmissionsConfig, submissionsConfig } from '../../config';

export const FILE_LIMITS = Symbol('FILE_LIMITS');

export interface FileLimits {
  /** ATTACHMENT_MAX_BYTES, 10 MB by default: the gateway applies the same cap while reading the upload. */
  maxBytes: number;
  /** UPLOAD_MAX_CONCURRENT: files read at once by this process, each held whole in memory. */
  maxConcurrent: number;
}

export function fileLimitsFromEnv(
  config: Pick<SubmissionsConfig, 'ATTACHMENT_MAX_BYTES' | 'UPLOAD_MAX_CONCURRENT'> = submissionsConfig(),
): FileLimits {
  return { maxBytes: config.ATTACHMENT_MAX_BYTES, maxConcurrent: config.UPLOAD_MAX_CONCURRENT };
}

/** An upload takes seconds at most: by then a slot is likely free. */
const BUSY_RETRY_AFTER_SECONDS = 5;

/** An uploaded file as it arrives: its name as the uploader gave it, and its bytes still to be read. */
export interface IncomingFile {
  fileName: string;
  content: Readable;
}

/**
 * Receives a file in one request: the target authorises the actor before anything is read, the bytes are read
 * within the cap with their SHA-256 and a look at the head, then the whole is checked by content and stored by
 * the target in one transaction. A refused file leaves nothing behind. At most UPLOAD_MAX_CONCURRENT files are
 * received at once: one more is refused before it is read (503, Retry-After), so that memory stays bounded.
 */
@Injectable()
export class UploadsService {
  private receiving = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_LIMITS) private readonly limits: FileLimits,
  ) {}

  async receive<I, R>(target: UploadTarget<I, R>, input: I, actor: Actor, incoming: IncomingFile): Promise<R> {
    if (this.receiving >= this.limits.maxConcurrent) {
      throw new ProblemError(
        problem(
          503,
          `This service is receiving as many files as it may at once (UPLOAD_MAX_CONCURRENT = ${this.limits.maxConcurrent}); try again shortly.`,
          { limit: { name: 'UPLOAD_MAX_CONCURRENT', value: this.limits.maxConcurrent } },
        ),
        { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
      );
    }
    this.receiving += 1;
    try {
      return await this.receiveOne(target, input, actor, incoming);
    } finally {
      this.receiving -= 1;
    }
  }

  private async receiveOne<I, R>(target: UploadTarget<I, R>, input: I, actor: Actor, incoming: IncomingFile) {
    await target.authorize(input, actor, this.dataSource.manager);
    const { bytes, sha256 } = await readUpload(incoming.content, this.limits.maxBytes);
    const file: ReceivedFile = {
      fileName: safeFileName(incoming.fileName),
      mediaType: await checkDocument(bytes),
      size: bytes.length,
      sha256,
      content: bytes,
    };
    return this.dataSource.transaction((tx) => target.store(file, input, actor, tx));
  }
}
