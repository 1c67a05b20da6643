import { EntityManager } from 'typeorm';
import type { AgencyContactData } from '@pressconf/contracts';
import { AgencyEntity } from '../../agencies/infrastructure/agency.entity';
import { HOST_ROLES, incidentHosts } from '../domain/incident-hosts';

/** The host contacts of the registry as it stands at `at`: whom an incident's alert reaches (incidentHosts). */
export async function registryHosts(tx: EntityManager, at: Date): Promise<AgencyContactData[]> {
  const agencies = await tx
    .getRepository(AgencyEntity)
    .createQueryBuilder('a')
    .where('a.valid_from <= :at', { at })
    .andWhere('(a.valid_to IS NULL OR a.valid_to > :at)', { at })
    .andWhere('a.roles && :roles::text[]', { roles: HOST_ROLES })
    .orderBy('a.name', 'ASC')
    .getMany();
  return incidentHosts(agencies);
}
