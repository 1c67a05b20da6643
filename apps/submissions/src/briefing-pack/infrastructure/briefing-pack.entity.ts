import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { ConferenceProjection } from '../../brief-requests/infrastructure/conference-projection.entity';

/** One compiled version of a conference's briefing pack: the PDF and the JSON exactly as served. */
@Entity({ name: 'briefing_pack' })
@Unique('briefing_pack_version', ['conferenceId', 'version'])
export class BriefingPackEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'briefing_pack_pkey' })
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  @ForeignKey(() => ConferenceProjection, { name: 'briefing_pack_conference_id_fkey' })
  conferenceId: string;

  @Column({ type: 'int' })
  version: number;

  /** SHA-256 of what went in: compiling the same inputs again makes no new version. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ name: 'brief_ids', type: 'jsonb' })
  briefIds: string[];

  @Column({ name: 'orientation_document_ids', type: 'jsonb' })
  orientationDocumentIds: string[];

  @Column({ name: 'page_count', type: 'int' })
  pageCount: number;

  @Column({ type: 'bytea', select: false })
  pdf: Buffer;

  @Column({ name: 'pdf_size', type: 'int' })
  pdfSize: number;

  @Column({ name: 'pdf_sha256', type: 'char', length: 64 })
  pdfSha256: string;

  @Column({ type: 'bytea', select: false })
  json: Buffer;

  @Column({ name: 'json_sha256', type: 'char', length: 64 })
  jsonSha256: string;

  @Column({ name: 'compiled_at', type: 'timestamptz', default: () => 'now()' })
  compiledAt: Date;

  @Column({ name: 'compiled_by', type: 'varchar', length: 200 })
  compiledBy: string;
}
