import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgenciesService } from '../../agencies/application/agencies.service';
import { AgencyEntity } from '../../agencies/infrastructure/agency.entity';
import { IncidentEntity } from '../../incidents/infrastructure/incident.entity';
import { HostData } from '@pressconf/contracts';
import { resolveHosts } from '../domain/hosts';
import { AgencySnapshot, ResolvedParticipants, resolveParticipants } from '../domain/participants';
import { ConferenceEntity } from '../infrastructure/conference.entity';

/** Who a conference invites when called at a given instant; the call and its preview share it. */
@Injectable()
export class ParticipantResolution {
  constructor(private readonly agencies: AgenciesService) {}

  /**
   * The registry as it stands at `at`, the plan's rules, and the administrator's additions and removals; and the
   * conference's hosts, by their roles alone.
   */
  async resolve(
    tx: EntityManager,
    conference: ConferenceEntity,
    incident: IncidentEntity | null,
    at: Date,
  ): Promise<ResolvedParticipants & { registry: AgencyEntity[]; hosts: HostData[] }> {
    const registry = await this.agencies.validAt(tx, at);
    const agencies = registry.map(toSnapshot);
    const resolved = resolveParticipants({
      kind: conference.kind,
      topics: conference.topics,
      incident: incident ? { agencyIds: incident.agencyIds, topics: incident.topics } : undefined,
      agencies,
      added: conference.addedAgencyIds,
      removed: conference.removedAgencyIds,
    });
    return { registry, hosts: resolveHosts(conference.kind, agencies), ...resolved };
  }
}

function toSnapshot(a: AgencyEntity): AgencySnapshot {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    roles: a.roles,
    fields: a.fields,
    territory: a.territory,
    contacts: a.contacts,
  };
}
