import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import type { AttachmentMediaType } from '@pressconf/contracts';
import { BriefEntity } from './brief.entity';

/** A file attached to a brief, kept in PostgreSQL with its checksum; the bytes are read only when asked for. */
@Entity({ name: 'brief_attachment' })
@Unique('brief_attachment_once', ['briefId', 'sha256'])
export class BriefAttachmentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brief_attachment_pkey' })
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  @ForeignKey(() => BriefEntity, { name: 'brief_attachment_brief_id_fkey' })
  briefId: string;

  @Column({ name: 'brief_version', type: 'int' })
  briefVersion: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType: AttachmentMediaType;

  @Column({ name: 'size_bytes', type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 200 })
  uploadedBy: string;
}
