import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import type { AttachmentMediaType } from '@pressconf/contracts';
import { InformationOfferEntity } from './information-offer.entity';

/** A file attached to an offer, kept like a brief's: whole in PostgreSQL with its checksum, read only when asked for. */
@Entity({ name: 'information_offer_attachment' })
@Unique('information_offer_attachment_once', ['offerId', 'sha256'])
export class InformationOfferAttachmentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'information_offer_attachment_pkey' })
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  @ForeignKey(() => InformationOfferEntity, { name: 'information_offer_attachment_offer_id_fkey' })
  offerId: string;

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
