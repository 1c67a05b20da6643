import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentMediaType } from '@pressconf/contracts';

/** A file attached to a brief, kept in PostgreSQL with its checksum; the bytes are read only when asked for. */
@Entity({ name: 'brief_attachment' })
export class BriefAttachmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
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
