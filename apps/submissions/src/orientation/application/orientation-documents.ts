import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ForbiddenError,
  NotFoundError,
  OrientationDocumentFields,
  OrientationDocumentView,
  Page,
  PageQuery,
  StateConflictError,
} from '@pressconf/contracts';
import { assertHostReadsConference } from '../../brief-requests/application/host-reads';
import { ConferenceProjection } from '../../brief-requests/infrastructure/conference-projection.entity';
import { ReceivedFile, UploadTarget } from '../../files/application/upload-target';
import { OrientationSource, orientationSource } from '../domain/orientation-source';
import { OrientationDocumentEntity } from '../infrastructure/orientation-document.entity';

const HOSTS = new Set(['admin', 'coordinator', 'host']);

/** The conference an orientation document is for, with its title and summary. */
export interface OrientationTarget extends OrientationDocumentFields {
  conferenceId: string;
}

/**
 * The communication orientation documents of a conference, added by the coordinator or by the co-host and the
 * police themselves (domain/orientation-source.ts), each with the body it comes from: compiled into the briefing
 * pack with the accepted briefs.
 */
@Injectable()
export class OrientationDocuments implements UploadTarget<OrientationTarget, OrientationDocumentView> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authorize(target: OrientationTarget, actor: Actor, manager: EntityManager): Promise<void> {
    await this.sourceOf(target, actor, manager);
  }

  /** Checks that the actor may add a document to the conference, and names the body it comes from. */
  private async sourceOf(
    { conferenceId }: OrientationTarget,
    actor: Actor,
    manager: EntityManager,
  ): Promise<OrientationSource | null> {
    const conference = await manager.findOneBy(ConferenceProjection, { id: conferenceId });
    if (!conference) throw new NotFoundError('Conference', conferenceId);
    const source = orientationSource(actor, conferenceId, conference.hosts);
    if (conference.status === 'CANCELLED') {
      throw new StateConflictError(`Conference ${conferenceId} is CANCELLED`, conference.status);
    }
    return source;
  }

  /** The same bytes added twice to one conference are one document: a retried upload answers with the first. */
  async store(
    file: ReceivedFile,
    target: OrientationTarget,
    actor: Actor,
    tx: EntityManager,
  ): Promise<OrientationDocumentView> {
    const source = await this.sourceOf(target, actor, tx);
    await tx.query(
      `INSERT INTO orientation_document (id, conference_id, title, summary, file_name, media_type, size_bytes, sha256,
                                         content, uploaded_by, source_agency_id, source_agency_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (conference_id, sha256) DO NOTHING`,
      [
        randomUUID(),
        target.conferenceId,
        target.title.trim(),
        target.summary?.trim() || null,
        file.fileName,
        file.mediaType,
        file.size,
        file.sha256,
        file.content,
        actor.subject,
        source?.agencyId ?? null,
        source?.agencyName ?? null,
      ],
    );
    return toOrientationDocumentView(
      await tx.findOneByOrFail(OrientationDocumentEntity, { conferenceId: target.conferenceId, sha256: file.sha256 }),
    );
  }

  async list(conferenceId: string, actor: Actor, query: PageQuery): Promise<Page<OrientationDocumentView>> {
    if (!HOSTS.has(actor.role)) throw new ForbiddenError('Orientation documents are for the hosts');
    await assertHostReadsConference(this.dataSource.manager, actor, conferenceId, 'Conference', conferenceId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(OrientationDocumentEntity).findAndCount({
      where: { conferenceId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toOrientationDocumentView), page, pageSize, total };
  }
}

export function toOrientationDocumentView(d: OrientationDocumentEntity): OrientationDocumentView {
  return {
    id: d.id,
    conferenceId: d.conferenceId,
    title: d.title,
    ...(d.summary ? { summary: d.summary } : {}),
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt.toISOString(),
    uploadedBy: d.uploadedBy,
    ...(d.sourceAgencyId && d.sourceAgencyName
      ? { sourceAgencyId: d.sourceAgencyId, sourceAgencyName: d.sourceAgencyName }
      : {}),
  };
}
