import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { ConferenceProjection } from '../../brief-requests/infrastructure/conference-projection.entity';
import { StoredFileColumns } from '../../files/infrastructure/stored-file.columns';

/**
 * A communication orientation document (tài liệu định hướng) added to a conference's pack by the coordinator, or by
 * the co-host or the police themselves.
 */
@Entity({ name: 'orientation_document' })
@Unique('orientation_document_once', ['conferenceId', 'sha256'])
export class OrientationDocumentEntity extends StoredFileColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'orientation_document_pkey' })
  id: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  @ForeignKey(() => ConferenceProjection, { name: 'orientation_document_conference_id_fkey' })
  conferenceId: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** The body the document comes from (a host agency of the conference); null on documents added before. */
  @Column({ name: 'source_agency_id', type: 'uuid', nullable: true })
  sourceAgencyId: string | null;

  @Column({ name: 'source_agency_name', type: 'varchar', length: 300, nullable: true })
  sourceAgencyName: string | null;
}
