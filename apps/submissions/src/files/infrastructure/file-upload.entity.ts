import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file arriving in parts: what its first part announced. Removed once the file is stored or refused. */
@Entity({ name: 'file_upload' })
export class FileUploadEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** What the file is for, e.g. `brief-attachment`, and the id of that object. */
  @Column({ type: 'varchar', length: 30 })
  target: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'size_bytes', type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'part_count', type: 'int' })
  partCount: number;

  @Column({ name: 'started_by', type: 'varchar', length: 200 })
  startedBy: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;
}
