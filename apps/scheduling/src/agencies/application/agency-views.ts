import type { AgencyEventData, AgencyView } from '@pressconf/contracts';
import type { AgencyEntity } from '../infrastructure/agency.entity';
import type { AgencyVersionEntity } from '../infrastructure/agency-version.entity';

/**
 * The agency as shown: as it stands, or as `version` recorded it (its validity and creation stay the agency's; its
 * `updatedAt` is when that version was recorded).
 */
export function toAgencyView(a: AgencyEntity, version?: AgencyVersionEntity): AgencyView {
  const content = version ?? a;
  return {
    id: a.id,
    code: content.code,
    name: content.name,
    kind: content.kind,
    roles: content.roles,
    fields: content.fields,
    territory: content.territory,
    contacts: content.contacts,
    validFrom: a.validFrom.toISOString(),
    validTo: a.validTo ? a.validTo.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: (version?.recordedFrom ?? a.updatedAt).toISOString(),
  };
}

/** The agency, whole, as the registry events carry it: a consumer replaces its copy with it. */
export function agencyEventData(a: AgencyEntity): AgencyEventData {
  return {
    agencyId: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    roles: a.roles,
    fields: a.fields,
    contacts: a.contacts.map((c) => ({
      name: c.name,
      ...(c.title ? { title: c.title } : {}),
      email: c.email,
      spokesperson: c.spokesperson,
      locale: c.locale,
      fields: c.fields,
    })),
    validFrom: a.validFrom.toISOString(),
    validTo: a.validTo ? a.validTo.toISOString() : null,
  };
}
