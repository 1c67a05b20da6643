import {
  ConferenceHostRole,
  ConferenceHostRoles,
  ConferenceKind,
  HostData,
  hostRolesFor,
  IssuerData,
} from '@pressconf/contracts';
import type { AgencySnapshot } from './participants';

const collator = new Intl.Collator('vi');

/**
 * The hosts of a conference (BRIEF.md, "Roles"): every agency holding one of the kind's host roles, with the roles
 * it holds (most significant first) and its representative, the spokesperson else the first contact with an
 * address, as the invitations choose it. An agency with no such contact is still a host; it has no contact.
 * Hosts are the plan's roles: the administrator's removals from the invitation list do not change them.
 */
export function resolveHosts(kind: ConferenceKind, agencies: AgencySnapshot[]): HostData[] {
  const hostRoles = hostRolesFor(kind);
  return agencies
    .map((agency) => ({
      agency,
      roles: ConferenceHostRoles.filter((role) => hostRoles.includes(role) && agency.roles.includes(role)),
    }))
    .filter(({ roles }) => roles.length > 0)
    .sort(
      (a, b) =>
        rank(a.roles[0]) - rank(b.roles[0]) ||
        collator.compare(a.agency.name, b.agency.name) ||
        a.agency.id.localeCompare(b.agency.id),
    )
    .map(({ agency, roles }) => {
      const contacts = agency.contacts.filter((contact) => contact.email?.trim());
      const representative = contacts.find((contact) => contact.spokesperson) ?? contacts[0];
      return {
        agencyId: agency.id,
        agencyName: agency.name,
        code: agency.code,
        roles,
        ...(representative
          ? {
              contactName: representative.name,
              ...(representative.title ? { contactTitle: representative.title } : {}),
              email: representative.email.trim(),
              locale: representative.locale,
            }
          : {}),
      };
    });
}

/**
 * The body that issues the invitation letter: the co-host, for both kinds (plan IV.1 has the co-host issue the
 * periodic briefing's letter, and the coordinator ask the co-host to convene an extraordinary conference); when no
 * agency holds CO_HOST, the coordinator, which organises every conference. Undefined when neither is registered:
 * the letter is then the organiser's, as before hosts were recorded.
 */
export function letterIssuer(hosts: HostData[]): IssuerData | undefined {
  const issuer = hosts.find((h) => h.roles.includes('CO_HOST')) ?? hosts.find((h) => h.roles.includes('COORDINATOR'));
  return issuer ? { agencyId: issuer.agencyId, agencyName: issuer.agencyName, code: issuer.code } : undefined;
}

function rank(role: ConferenceHostRole): number {
  return ConferenceHostRoles.indexOf(role);
}
