import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { BriefEntity } from './brief.entity';
import { StoredFileColumns } from '../../files/infrastructure/stored-file.columns';

/** A file attached to a brief, kept in PostgreSQL with its checksum; the bytes are read only when asked for. */
@Entity({ name: 'brief_attachment' })
@Unique('brief_attachment_once', ['briefId', 'sha256'])
export class BriefAttachmentEntity extends StoredFileColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'brief_attachment_pkey' })
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  @ForeignKey(() => BriefEntity, { name: 'brief_attachment_brief_id_fkey' })
  briefId: string;

  @Column({ name: 'brief_version', type: 'int' })
  briefVersion: number;
}
