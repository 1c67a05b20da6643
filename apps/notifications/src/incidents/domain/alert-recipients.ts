import type { ContactLocale, IncidentDeadlineBreachedData } from '@pressconf/contracts';

export interface AlertRecipient {
  name: string;
  email: string;
  agencyName: string;
  title?: string;
  /** The language the alert is written in. */
  locale: ContactLocale;
}

export interface ConfiguredAddress {
  name?: string;
  email: string;
}

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * HOST_ALERT_EMAILS: a comma-separated list of `address` or `Name <address>` (a name must not hold a comma).
 * A malformed entry stops the service at start rather than losing alerts silently.
 */
export function parseAddressList(value: string | undefined): ConfiguredAddress[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const named = /^(.*?)\s*<([^>]+)>$/.exec(entry);
      const email = (named ? named[2] : entry).trim().toLowerCase();
      if (!ADDRESS.test(email)) throw new Error(`HOST_ALERT_EMAILS: "${entry}" is not an e-mail address`);
      const name = named?.[1].replace(/^"|"$/g, '').trim();
      return name ? { name, email } : { email };
    });
}

/**
 * How a configured address (HOST_ALERT_EMAILS) is greeted when it has no name. Such an address has no contact to
 * say its language: it is written to in Vietnamese, the province's own.
 */
export const GENERIC_HOST_RECIPIENT: Pick<AlertRecipient, 'name' | 'agencyName' | 'locale'> = {
  name: 'Lãnh đạo',
  agencyName: 'cơ quan chủ trì Hội nghị cung cấp thông tin cho báo chí',
  locale: 'vi',
};

/**
 * The host contacts the breach event names: scheduling resolves them from the registry when the deadline passes
 * (co-host, standing office, coordinator), so that they are known on a fresh install too, before any conference.
 * An event of an earlier version names none.
 */
export function registryHosts(data: IncidentDeadlineBreachedData): AlertRecipient[] {
  return (data.hosts ?? []).map((host) => ({
    name: host.contactName,
    agencyName: host.agencyName,
    email: host.email,
    locale: host.locale ?? 'vi',
    ...(host.contactTitle ? { title: host.contactTitle } : {}),
  }));
}

/**
 * Who is alerted: the registry's host contacts, then the configured addresses, each address once (a host contact
 * keeps the name and agency the registry gave it).
 */
export function alertRecipients(
  known: AlertRecipient[],
  configured: ConfiguredAddress[],
  generic: Pick<AlertRecipient, 'name' | 'agencyName' | 'locale'> = GENERIC_HOST_RECIPIENT,
): AlertRecipient[] {
  const byEmail = new Map<string, AlertRecipient>();
  for (const contact of known) {
    const email = contact.email.toLowerCase();
    if (!byEmail.has(email)) byEmail.set(email, { ...contact, email });
  }
  for (const address of configured) {
    if (!byEmail.has(address.email)) {
      byEmail.set(address.email, { ...generic, ...(address.name ? { name: address.name } : {}), email: address.email });
    }
  }
  return [...byEmail.values()];
}
