import { EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import { nextVersionStart, versionInForce } from '../domain/agency-history';
import { AgencyEntity } from '../infrastructure/agency.entity';
import { AgencyVersionEntity } from '../infrastructure/agency-version.entity';

/**
 * Records the agency as it now stands as its next version, closing the one in force, in the transaction of the
 * change (the caller holds the agency's row lock, so versions of one agency are written one at a time).
 */
export async function recordVersion(tx: EntityManager, agency: AgencyEntity, now: Date): Promise<Date> {
  const versions = tx.getRepository(AgencyVersionEntity);
  const current = await versions.findOneBy({ agencyId: agency.id, recordedTo: IsNull() });
  const recordedFrom = current ? nextVersionStart(current.recordedFrom, now) : now;
  if (current) await versions.update({ agencyId: agency.id, version: current.version }, { recordedTo: recordedFrom });
  await versions.insert({
    agencyId: agency.id,
    version: (current?.version ?? 0) + 1,
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    roles: agency.roles,
    fields: agency.fields,
    territory: agency.territory,
    contacts: agency.contacts,
    validFrom: agency.validFrom,
    validTo: agency.validTo,
    recordedFrom,
    recordedTo: null,
  });
  return recordedFrom;
}

/** The version of the agency in force at `at` (domain/agency-history.ts). */
export async function versionAt(
  tx: EntityManager,
  agencyId: string,
  at: Date,
): Promise<AgencyVersionEntity | undefined> {
  return versionInForce(await tx.getRepository(AgencyVersionEntity).findBy({ agencyId }), at);
}

/**
 * The versions in force at `at` of the agencies valid then, as alias `a` (the agency's columns, as recorded): the
 * same choice as versionInForce, in SQL, so that the registry's filters and paging apply to what was true then.
 * Validity is the agency's current one: closing an agency from a past day is retroactive by nature.
 */
export function registryAt(tx: EntityManager, at: Date): SelectQueryBuilder<AgencyVersionEntity> {
  return tx
    .getRepository(AgencyVersionEntity)
    .createQueryBuilder('a')
    .innerJoin(AgencyEntity, 'agency', 'agency.id = a.agency_id')
    .where('agency.valid_from <= :at', { at })
    .andWhere('(agency.valid_to IS NULL OR agency.valid_to > :at)', { at })
    .andWhere('(a.version = 1 OR a.recorded_from <= :at)', { at })
    .andWhere('(a.recorded_to IS NULL OR a.recorded_to > :at)', { at });
}
