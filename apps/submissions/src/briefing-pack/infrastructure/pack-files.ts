import { EntityManager } from 'typeorm';
import { BriefAttachmentEntity } from '../../briefs/infrastructure/brief-attachment.entity';
import { OrientationDocumentEntity } from '../../orientation/infrastructure/orientation-document.entity';
import type { PackDocument } from '../domain/pack-documents';
import type { ReadDocument } from '../rendering/appended-documents';

/** Reads a file of the pack from the table that holds it: only its bytes, and only when the pack asks. */
export function packFileReader(tx: EntityManager): ReadDocument {
  return async (document: PackDocument) => {
    const table = document.source === 'orientation' ? OrientationDocumentEntity : BriefAttachmentEntity;
    const row = await tx.getRepository<{ id: string; content: Buffer }>(table).findOne({
      where: { id: document.id },
      select: { id: true, content: true },
    });
    if (!row) throw new Error(`The file ${document.id} of the briefing pack is gone`);
    return row.content;
  };
}
