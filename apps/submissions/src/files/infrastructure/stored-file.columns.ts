import { Column } from 'typeorm';
import type { AttachmentMediaType } from '@pressconf/contracts';

/**
 * The columns of every uploaded file (brief attachments, orientation documents, offers' attachments): kept whole in
 * PostgreSQL with its checksum, the bytes read only when asked for. Entities extend it and add what the file is to.
 */
export abstract class StoredFileColumns {
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
