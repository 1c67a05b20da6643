import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgencyEventData, EventEnvelope } from '@pressconf/contracts';
import { RegistryAgency } from '../infrastructure/registry-agency.entity';
import { contactsOf, leadershipRecipients, RegistryRecipient } from '../domain/registry-recipients';

/**
 * notifications' copy of the registry, kept from `scheduling.agency.v1` (notifications reads no other service's
 * tables): each event replaces what was held for its agency, unless a newer event already did.
 */
@Injectable()
export class RegistryCopy {
  async replace(data: AgencyEventData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const changedAt = new Date(event.occurredAt);
    await tx.query(
      `INSERT INTO registry_agency (id, code, name, kind, roles, contacts, valid_from, valid_to, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
         roles = EXCLUDED.roles, contacts = EXCLUDED.contacts, valid_from = EXCLUDED.valid_from,
         valid_to = EXCLUDED.valid_to, changed_at = EXCLUDED.changed_at
       WHERE registry_agency.changed_at <= EXCLUDED.changed_at`,
      [
        data.agencyId,
        data.code,
        data.name,
        data.kind,
        JSON.stringify(data.roles),
        JSON.stringify(data.contacts),
        new Date(data.validFrom),
        data.validTo ? new Date(data.validTo) : null,
        changedAt,
      ],
    );
  }

  async agency(tx: EntityManager, agencyId: string): Promise<RegistryAgency | null> {
    return tx.findOneBy(RegistryAgency, { id: agencyId });
  }

  /** The agency's contacts; none when the registry copy does not know it (yet). */
  async contactsOfAgency(tx: EntityManager, agencyId: string): Promise<RegistryRecipient[]> {
    const agency = await this.agency(tx, agencyId);
    return agency ? contactsOf(agency) : [];
  }

  async leadership(tx: EntityManager, now: Date): Promise<RegistryRecipient[]> {
    const agencies = await tx
      .createQueryBuilder(RegistryAgency, 'a')
      .where(`a.roles ? 'PROVINCIAL_LEADERSHIP'`)
      .orderBy('a.name', 'ASC')
      .getMany();
    return leadershipRecipients(agencies, now);
  }
}
