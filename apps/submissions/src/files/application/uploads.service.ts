import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  FILE_PART_MAX_BYTES,
  FilePart,
  FilePartReceived,
  NotFoundError,
  StateConflictError,
  ValidationFailedError,
} from '@pressconf/contracts';
import { assertWithinCap, checkHead, detectMediaType, safeFileName } from '../domain/content-check';
import { FileUploadEntity } from '../infrastructure/file-upload.entity';
import { ReceivedFile, UploadTarget } from './upload-target';

export const FILE_LIMITS = Symbol('FILE_LIMITS');

export interface FileLimits {
  /** ATTACHMENT_MAX_BYTES, 10 MB by default: the gateway applies the same cap while reading the upload. */
  maxBytes: number;
}

export function fileLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): FileLimits {
  return { maxBytes: Number(env.ATTACHMENT_MAX_BYTES ?? 10 * 1024 * 1024) };
}

function invalid(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError([{ field, message }]);
}

/**
 * Receives files in parts (see FilePart). The first part is checked before anything is kept: the target
 * authorises the actor, the size is within the cap, and the first bytes are of an accepted kind. Parts are
 * kept in file_upload_part until the last one; then the whole is checked (size, SHA-256, content type) and
 * stored by the target in the same transaction that drops the parts, or refused and every part dropped.
 */
@Injectable()
export class UploadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_LIMITS) private readonly limits: FileLimits,
  ) {}

  async receive<P extends FilePart, R>(target: UploadTarget<P, R>, part: P, actor: Actor): Promise<R | FilePartReceived> {
    assertWithinCap(part.size, this.limits.maxBytes);
    if (part.index >= part.count) throw invalid('index', 'must be less than count');
    const data = Buffer.from(part.data, 'base64');
    if (data.length === 0 || data.length > FILE_PART_MAX_BYTES) {
      throw invalid('data', `must hold 1 to ${FILE_PART_MAX_BYTES} bytes`);
    }
    if (part.index === 0) {
      await target.authorize(part, actor, this.dataSource.manager);
      await checkHead(data);
      if (part.count === 1) return this.complete(target, part, actor, data);
      await this.start(target, part, actor, data);
      return { uploadId: part.uploadId, received: 1 };
    }
    const held = await this.append(target, part, actor, data);
    if (held.bytes > part.size) {
      await this.discard(part.uploadId);
      throw invalid('data', `the parts hold more than the ${part.size} bytes announced`);
    }
    if (part.index < part.count - 1) return { uploadId: part.uploadId, received: held.parts };
    const rows: Array<{ data: Buffer }> = await this.dataSource.query(
      `SELECT data FROM file_upload_part WHERE upload_id = $1 ORDER BY index`,
      [part.uploadId],
    );
    if (rows.length !== part.count) {
      await this.discard(part.uploadId);
      throw invalid('index', `${part.count - rows.length} of the ${part.count} parts never arrived; upload the file again`);
    }
    return this.complete(target, part, actor, Buffer.concat(rows.map((row) => row.data)), part.uploadId);
  }

  /** Drops uploads left unfinished (the gateway stopped half-way) for longer than `olderThanMinutes`. */
  async sweep(olderThanMinutes: number): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM file_upload WHERE started_at < now() - make_interval(mins => $1) RETURNING id)
       SELECT id FROM gone`,
      [olderThanMinutes],
    );
    return rows.length;
  }

  private async start<P extends FilePart>(target: UploadTarget<P, unknown>, part: P, actor: Actor, data: Buffer) {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO file_upload (id, target, target_id, file_name, size_bytes, sha256, part_count, started_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [part.uploadId, target.name, target.targetId(part), part.fileName, part.size, part.sha256, part.count, actor.subject],
      );
      const upload = await tx.findOneByOrFail(FileUploadEntity, { id: part.uploadId });
      this.assertSameUpload(upload, target, part, actor);
      await tx.query(
        `INSERT INTO file_upload_part (upload_id, index, data) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`,
        [part.uploadId, data],
      );
    });
  }

  private async append<P extends FilePart>(
    target: UploadTarget<P, unknown>,
    part: P,
    actor: Actor,
    data: Buffer,
  ): Promise<{ parts: number; bytes: number }> {
    return this.dataSource.transaction(async (tx) => {
      const upload = await tx
        .getRepository(FileUploadEntity)
        .createQueryBuilder('u')
        .where('u.id = :id', { id: part.uploadId })
        .setLock('pessimistic_write')
        .getOne();
      if (!upload) throw new NotFoundError('Upload', part.uploadId);
      this.assertSameUpload(upload, target, part, actor);
      await tx.query(
        `INSERT INTO file_upload_part (upload_id, index, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [part.uploadId, part.index, data],
      );
      const [held]: Array<{ parts: number; bytes: number }> = await tx.query(
        `SELECT count(*)::int AS parts, coalesce(sum(octet_length(data)), 0)::int AS bytes
           FROM file_upload_part WHERE upload_id = $1`,
        [part.uploadId],
      );
      return held;
    });
  }

  /** A part must belong to the upload its first part started: same target, same file, same caller. */
  private assertSameUpload(upload: FileUploadEntity, target: UploadTarget<FilePart, unknown>, part: FilePart, actor: Actor) {
    const same =
      upload.target === target.name &&
      upload.targetId === target.targetId(part) &&
      upload.size === part.size &&
      upload.sha256 === part.sha256 &&
      upload.partCount === part.count &&
      upload.startedBy === actor.subject;
    if (!same) throw new StateConflictError(`Upload ${part.uploadId} was started for another file`);
  }

  private async complete<P extends FilePart, R>(
    target: UploadTarget<P, R>,
    part: P,
    actor: Actor,
    content: Buffer,
    uploadId?: string,
  ): Promise<R> {
    try {
      if (content.length !== part.size) {
        throw invalid('size', `announced ${part.size} bytes, received ${content.length}`);
      }
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (sha256 !== part.sha256) throw invalid('sha256', 'does not match the bytes received: the file arrived damaged');
      const file: ReceivedFile = {
        fileName: safeFileName(part.fileName),
        mediaType: await detectMediaType(content),
        size: content.length,
        sha256,
        content,
      };
      return await this.dataSource.transaction(async (tx) => {
        const stored = await target.store(file, part, actor, tx);
        if (uploadId) await tx.query(`DELETE FROM file_upload WHERE id = $1`, [uploadId]);
        return stored;
      });
    } catch (error) {
      if (uploadId) await this.discard(uploadId);
      throw error;
    }
  }

  private async discard(uploadId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM file_upload WHERE id = $1`, [uploadId]);
  }
}
