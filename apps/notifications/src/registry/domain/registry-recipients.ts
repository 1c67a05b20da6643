import type { AgencyContactEventData, AgencyRole, ContactLocale } from '@pressconf/contracts';

/** An agency as the registry copy holds it: enough to say whom to write to. */
export interface RegistryEntry {
  name: string;
  roles: readonly AgencyRole[];
  contacts: readonly AgencyContactEventData[];
  validFrom: Date;
  validTo: Date | null;
}

export interface RegistryRecipient {
  name: string;
  email: string;
  agencyName: string;
  locale: ContactLocale;
}

/** An agency counts from its `validFrom` until its `validTo` (an agency merged away or renamed stops receiving). */
export function inForce(entry: RegistryEntry, now: Date): boolean {
  return (
    entry.validFrom.getTime() <= now.getTime() && (entry.validTo === null || entry.validTo.getTime() > now.getTime())
  );
}

/** Every contact of the agency with an address, once each (an address listed twice is one recipient). */
export function contactsOf(entry: RegistryEntry): RegistryRecipient[] {
  const seen = new Set<string>();
  const recipients: RegistryRecipient[] = [];
  for (const contact of entry.contacts) {
    const email = contact.email.trim().toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    recipients.push({ name: contact.name, email, agencyName: entry.name, locale: contact.locale ?? 'vi' });
  }
  return recipients;
}

/** The People's Committee: every contact of the agencies in force holding the PROVINCIAL_LEADERSHIP role. */
export function leadershipRecipients(entries: readonly RegistryEntry[], now: Date): RegistryRecipient[] {
  const seen = new Set<string>();
  return entries
    .filter((entry) => entry.roles.includes('PROVINCIAL_LEADERSHIP') && inForce(entry, now))
    .flatMap(contactsOf)
    .filter((recipient) => !seen.has(recipient.email) && seen.add(recipient.email));
}
