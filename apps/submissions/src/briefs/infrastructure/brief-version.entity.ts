import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { BriefEntity } from './brief.entity';

/** One saved version of a brief, never changed once written: the history of an official document. */
@Entity({ name: 'brief_version' })
export class BriefVersionEntity {
  @PrimaryColumn({ name: 'brief_id', type: 'uuid', primaryKeyConstraintName: 'brief_version_pkey' })
  @ForeignKey(() => BriefEntity, { name: 'brief_version_brief_id_fkey' })
  briefId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'brief_version_pkey' })
  version: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'document_number', type: 'varchar', length: 100, nullable: true })
  documentNumber: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'signed_by', type: 'varchar', length: 300, nullable: true })
  signedBy: string | null;

  @Column({ name: 'saved_at', type: 'timestamptz', default: () => 'now()' })
  savedAt: Date;

  @Column({ name: 'saved_by', type: 'varchar', length: 200 })
  savedBy: string;
}
