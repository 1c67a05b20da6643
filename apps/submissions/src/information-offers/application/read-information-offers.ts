import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, InformationOfferView, ListInformationOffersQuery, NotFoundError, Page } from '@pressconf/contracts';
import { assertVisibleTo, listScope } from '../../obstacle-reports/domain/visibility';
import { InformationOfferAttachmentEntity } from '../infrastructure/information-offer-attachment.entity';
import { InformationOfferEntity } from '../infrastructure/information-offer.entity';
import { toOfferView } from './offer-views';

/** Offers as each reader may see them: an agency its own, the coordinator and admins all. */
@Injectable()
export class ReadInformationOffers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListInformationOffersQuery, actor: Actor): Promise<Page<InformationOfferView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(InformationOfferEntity).findAndCount({
      where: { ...listScope(actor, query.agencyId), ...(query.status ? { status: query.status } : {}) },
      order: { offeredAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const attachments = rows.length
      ? await this.dataSource.manager.find(InformationOfferAttachmentEntity, {
          where: { offerId: In(rows.map((r) => r.id)) },
          order: { uploadedAt: 'ASC' },
        })
      : [];
    const items = rows.map((r) =>
      toOfferView(
        r,
        attachments.filter((a) => a.offerId === r.id),
      ),
    );
    return { items, page, pageSize, total };
  }

  async get(id: string, actor: Actor): Promise<InformationOfferView> {
    const offer = await this.dataSource.getRepository(InformationOfferEntity).findOneBy({ id });
    if (!offer) throw new NotFoundError('Information offer', id);
    assertVisibleTo(actor, offer, 'Information offer', id);
    const attachments = await this.dataSource.manager.find(InformationOfferAttachmentEntity, {
      where: { offerId: id },
      order: { uploadedAt: 'ASC' },
    });
    return toOfferView(offer, attachments);
  }
}
