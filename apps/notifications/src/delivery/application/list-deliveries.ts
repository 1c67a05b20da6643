import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, DeliveryView, ListDeliveriesQuery, Page } from '@pressconf/contracts';
import { hostedByPattern } from '../../invitations/domain/host-scope';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import { DeliveryEntity } from '../infrastructure/delivery.entity';
import { toDeliveryView } from './delivery-view';

/**
 * Every message of every kind to anyone, newest first, for the organisers to follow (GET /deliveries); a host follows
 * the messages about the conferences its agency hosts.
 */
@Injectable()
export class ListDeliveries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListDeliveriesQuery, actor: Actor): Promise<Page<DeliveryView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(DeliveryEntity).createQueryBuilder('d');
    if (actor.role === 'host') {
      qb.andWhere('d.conference_id IN (SELECT c.id FROM conference c WHERE c.hosts @> CAST(:hostedBy AS jsonb))', {
        hostedBy: hostedByPattern(actor),
      });
    }
    if (query.conferenceId) qb.andWhere('d.conference_id = :conferenceId', { conferenceId: query.conferenceId });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.recipient) {
      qb.andWhere('(d.email ILIKE :recipient OR d.recipient_name ILIKE :recipient)', {
        recipient: `%${escapeLike(query.recipient)}%`,
      });
    }
    const [rows, total] = await qb
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const agencies = await agencyNamesOf(this.dataSource.manager, rows);
    return {
      items: rows.map((d) => toDeliveryView(d, d.invitationId ? (agencies.get(d.invitationId) ?? null) : null)),
      page,
      pageSize,
      total,
    };
  }
}

/** The agency of each invitee among the deliveries, by invitation id. */
export async function agencyNamesOf(tx: EntityManager, deliveries: DeliveryEntity[]): Promise<Map<string, string>> {
  const ids = [...new Set(deliveries.flatMap((d) => (d.invitationId ? [d.invitationId] : [])))];
  if (ids.length === 0) return new Map();
  const invitations = await tx.find(InvitationEntity, {
    where: { id: In(ids) },
    select: { id: true, agencyName: true },
  });
  return new Map(invitations.map((i) => [i.id, i.agencyName]));
}

/** `%`, `_` and the escape character itself match literally in the recipient filter. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
