import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { InformationOfferEntity } from './information-offer.entity';
import { StoredFileColumns } from '../../files/infrastructure/stored-file.columns';

/** A file attached to an offer, kept like a brief's: whole in PostgreSQL with its checksum, read only when asked for. */
@Entity({ name: 'information_offer_attachment' })
@Unique('information_offer_attachment_once', ['offerId', 'sha256'])
export class InformationOfferAttachmentEntity extends StoredFileColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'information_offer_attachment_pkey' })
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  @ForeignKey(() => InformationOfferEntity, { name: 'information_offer_attachment_offer_id_fkey' })
  offerId: string;
}
