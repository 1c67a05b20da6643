import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AttachmentView, NotFoundError } from '@pressconf/contracts';
import { assertHostReadsConference } from '../../brief-requests/application/host-reads';
import { assertCanAct, assertCanRead } from '../../brief-requests/domain/access';
import { apply } from '../../brief-requests/domain/lifecycle';
import { BriefRequestEntity } from '../../brief-requests/infrastructure/brief-request.entity';
import { lockRequest } from '../../brief-requests/infrastructure/brief-request.queries';
import { StoredFile } from '../../files/application/stored-file';
import { ReceivedFile, UploadTarget } from '../../files/application/upload-target';
import { BriefAttachmentEntity } from '../infrastructure/brief-attachment.entity';
import { BriefEntity } from '../infrastructure/brief.entity';
import { BriefLimits } from './brief-limits';
import { toAttachmentView } from './brief-views';

/** The brief a file is attached to. */
export interface AttachmentTarget {
  briefId: string;
}

/** A brief's attached files: added while the brief can still change, read by whoever may read the brief. */
@Injectable()
export class BriefAttachments implements UploadTarget<AttachmentTarget, AttachmentView> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly limits: BriefLimits,
  ) {}

  /** Before anything is read: an agency with nothing left of its day's room is told at once (429). */
  async authorize({ briefId }: AttachmentTarget, actor: Actor, manager: EntityManager): Promise<void> {
    const { request } = await this.briefAndRequest(manager, briefId);
    assertCanAct(actor, request, 'Brief', briefId);
    apply(request.status, 'ADD_ATTACHMENT');
    await this.limits.assertDailyRoom(manager, request.agencyId);
  }

  /**
   * The same bytes attached twice are one attachment: a retried upload answers with the first, even once the brief
   * is full. A new file must fit the brief's cap of files and the agency's room for the day.
   */
  async store(
    file: ReceivedFile,
    { briefId }: AttachmentTarget,
    actor: Actor,
    tx: EntityManager,
  ): Promise<AttachmentView> {
    const brief = await tx.findOneBy(BriefEntity, { id: briefId });
    if (!brief) throw new NotFoundError('Brief', briefId);
    const request = await lockRequest(tx, brief.requestId);
    assertCanAct(actor, request, 'Brief', briefId);
    apply(request.status, 'ADD_ATTACHMENT');
    const stored = await tx.findOneBy(BriefAttachmentEntity, { briefId: brief.id, sha256: file.sha256 });
    if (stored) return toAttachmentView(stored);
    await this.limits.assertAttachmentRoom(tx, brief.id);
    await this.limits.assertDailyRoom(tx, request.agencyId, file.size);
    await tx.query(
      `INSERT INTO brief_attachment (id, brief_id, brief_version, file_name, media_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (brief_id, sha256) DO NOTHING`,
      [
        randomUUID(),
        brief.id,
        brief.currentVersion,
        file.fileName,
        file.mediaType,
        file.size,
        file.sha256,
        file.content,
        actor.subject,
      ],
    );
    return toAttachmentView(
      await tx.findOneByOrFail(BriefAttachmentEntity, { briefId: brief.id, sha256: file.sha256 }),
    );
  }

  async read(briefId: string, attachmentId: string, actor: Actor): Promise<StoredFile> {
    const { request } = await this.briefAndRequest(this.dataSource.manager, briefId);
    assertCanRead(actor, request, 'Brief', briefId);
    await assertHostReadsConference(this.dataSource.manager, actor, request.conferenceId, 'Brief', briefId);
    const [row]: Array<{ file_name: string; media_type: string; sha256: string; content: Buffer }> =
      await this.dataSource.query(
        `SELECT file_name, media_type, sha256, content FROM brief_attachment WHERE id = $1 AND brief_id = $2`,
        [attachmentId, briefId],
      );
    if (!row) throw new NotFoundError('Attachment', attachmentId);
    return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content: row.content };
  }

  private async briefAndRequest(manager: EntityManager, briefId: string) {
    const brief = await manager.findOneBy(BriefEntity, { id: briefId });
    if (!brief) throw new NotFoundError('Brief', briefId);
    const request = await manager.findOneByOrFail(BriefRequestEntity, { id: brief.requestId });
    return { brief, request };
  }
}
