import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Actor, AgencyRole, NotFoundError } from '@pressconf/contracts';
import { AgenciesService } from '../../agencies/application/agencies.service';
import { draftKindsHostedBy, hostsConference } from '../domain/host-scope';
import { ConferenceEntity } from '../infrastructure/conference.entity';

/** Narrows what a `host` actor reads to the conferences its agency hosts (domain/host-scope.ts); others pass. */
@Injectable()
export class HostAccess {
  constructor(private readonly agencies: AgenciesService) {}

  /** A conference its agency does not host does not exist for a host (404), as another agency's brief does not. */
  async assertSees(manager: EntityManager, actor: Actor, conference: ConferenceEntity): Promise<void> {
    if (actor.role !== 'host') return;
    const agencyId = actor.agencyId ?? '';
    if (!hostsConference(agencyId, await this.rolesNow(manager, agencyId), conference)) {
      throw new NotFoundError('Conference', conference.id);
    }
  }

  /** The list query (alias `c`) narrowed for a host. */
  async narrow(manager: EntityManager, actor: Actor, qb: SelectQueryBuilder<ConferenceEntity>): Promise<void> {
    if (actor.role !== 'host') return;
    const agencyId = actor.agencyId ?? '';
    const draftKinds = draftKindsHostedBy(await this.rolesNow(manager, agencyId));
    const hosted = `c.hosts @> CAST(:hostedBy AS jsonb)`;
    qb.andWhere(draftKinds.length > 0 ? `(${hosted} OR (c.status = 'DRAFT' AND c.kind IN (:...draftKinds)))` : hosted, {
      hostedBy: JSON.stringify([{ agencyId }]),
      draftKinds,
    });
  }

  /** The roles the agency holds now; none when it is unknown or no longer valid. */
  private async rolesNow(manager: EntityManager, agencyId: string): Promise<AgencyRole[]> {
    const registry = await this.agencies.validAt(manager, new Date());
    return registry.find((agency) => agency.id === agencyId)?.roles ?? [];
  }
}
