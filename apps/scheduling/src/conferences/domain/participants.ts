import { AgencyContact, AgencyKind, AgencyRole, ConferenceKind, ContactLocale } from '@pressconf/contracts';
import { Invitation, invitePress } from './press-invitees';
import { fieldReasons, placeName, subjectReasons } from './term-matching';

export { normalizeTerm, termsMatch } from './term-matching';

/** An agency as registered, already filtered by the caller to those valid when the conference is called. */
export interface AgencySnapshot {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  roles: AgencyRole[];
  fields: string[];
  territory: string | null;
  contacts: AgencyContact[];
}

export interface ParticipantsInput {
  kind: ConferenceKind;
  topics: string[];
  incident?: { agencyIds: string[]; topics: string[] };
  agencies: AgencySnapshot[];
  /** Agency ids an administrator added to the invitation list. */
  added?: string[];
  /** Agency ids an administrator removed from the invitation list; this wins over every other rule. */
  removed?: string[];
}

export interface ResolvedParticipant {
  agencyId: string;
  agencyName: string;
  role: AgencyRole;
  contactName: string;
  contactTitle?: string;
  email: string;
  /** The contact's language: every message to this person is written in it. */
  locale: ContactLocale;
  /** The agency owes a written brief (thông tin chính thức bằng văn bản) for this conference. */
  mustBrief: boolean;
  /** Why the plan invites this contact, in English, several reasons joined with "; ". */
  reason: string;
}

/** An agency the plan involves but that cannot be invited (no e-mail address, unknown id, missing role). */
export interface UnreachableAgency {
  agencyId: string;
  agencyName: string | null;
  role: AgencyRole | null;
  reason: string;
}

export interface ResolvedParticipants {
  participants: ResolvedParticipant[];
  unreachable: UnreachableAgency[];
}

/** Significance of each role, in the order of the plan; an agency appears under its most significant one. */
const ROLE_RANK: Readonly<Record<AgencyRole, number>> = {
  CO_HOST: 0,
  HUMAN_RIGHTS_STANDING_OFFICE: 1,
  COORDINATOR: 2,
  PRESS_BRIEFING_CO_CHAIR: 3,
  PROVINCIAL_LEADERSHIP: 4,
  INFORMATION_PROVIDER: 5,
  PRESS: 6,
  PORTAL: 7,
};

const ALWAYS_INVITED: readonly AgencyRole[] = [
  'CO_HOST',
  'HUMAN_RIGHTS_STANDING_OFFICE',
  'COORDINATOR',
  'PRESS_BRIEFING_CO_CHAIR',
  'PROVINCIAL_LEADERSHIP',
];

/**
 * The standing office gathers the human-rights content of every conference, and information providers answer
 * for their field; the coordinator compiles, it does not brief.
 */
const BRIEFING_ROLES: readonly AgencyRole[] = ['HUMAN_RIGHTS_STANDING_OFFICE', 'INFORMATION_PROVIDER'];

const collator = new Intl.Collator('vi');

/** What, beyond the agency itself, decides whether it is invited. */
interface Context {
  topics: string[];
  incidentTopics: string[];
  concerned: Set<string>;
  added: Set<string>;
}

/** Who is invited (thành phần tham dự), as BRIEF.md states it. */
export function resolveParticipants(input: ParticipantsInput): ResolvedParticipants {
  const removed = new Set(input.removed ?? []);
  const added = new Set((input.added ?? []).filter((id) => !removed.has(id)));
  const incident = input.kind === 'EXTRAORDINARY' ? input.incident : undefined;
  const concerned = new Set((incident?.agencyIds ?? []).filter((id) => !removed.has(id)));
  const known = new Set(input.agencies.map((agency) => agency.id));

  const participants: ResolvedParticipant[] = [];
  const unreachable: UnreachableAgency[] = [];

  const context: Context = { topics: input.topics, incidentTopics: incident?.topics ?? [], concerned, added };

  for (const agency of input.agencies) {
    if (removed.has(agency.id)) continue;
    const reasons = reasonsToInvite(agency, context);
    if (reasons.size === 0) {
      if (concerned.has(agency.id)) {
        unreachable.push({
          agencyId: agency.id,
          agencyName: agency.name,
          role: null,
          reason: 'concerned by the incident, but does not hold the INFORMATION_PROVIDER role',
        });
      }
      continue;
    }

    const role = [...reasons.keys()].sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b])[0];
    const mustBrief = [...reasons.keys()].some((qualifying) => BRIEFING_ROLES.includes(qualifying));
    const invitations = [...reasons].flatMap(([qualifying, why]) => invite(agency, qualifying, why, context));
    if (invitations.length === 0) {
      unreachable.push({
        agencyId: agency.id,
        agencyName: agency.name,
        role,
        reason: `no contact with an e-mail address (invited because: ${[...reasons.values()].flat().join('; ')})`,
      });
      continue;
    }
    participants.push(...mergeByContact(agency, role, mustBrief, invitations));
  }

  for (const id of new Set([...added, ...concerned])) {
    if (known.has(id)) continue;
    const why = added.has(id) ? 'added by an administrator' : 'concerned by the incident';
    unreachable.push({ agencyId: id, agencyName: null, role: null, reason: `${why}, but unknown or no longer valid` });
  }

  return { participants: participants.sort(compareParticipants), unreachable: unreachable.sort(compareUnreachable) };
}

/** The agency's qualifying roles, each with why it qualifies; empty when the agency is not invited. */
function reasonsToInvite(agency: AgencySnapshot, context: Context): Map<AgencyRole, string[]> {
  const roles = new Set(agency.roles);
  const reasons = new Map<AgencyRole, string[]>();
  for (const role of ALWAYS_INVITED) if (roles.has(role)) reasons.set(role, [`always invited as ${role}`]);
  if (roles.has('INFORMATION_PROVIDER')) {
    const providerReasons = [
      ...(context.concerned.has(agency.id) ? ['concerned by the incident'] : []),
      ...matchReasons(agency, context.topics, 'topic'),
      ...matchReasons(agency, context.incidentTopics, 'incident topic'),
    ];
    if (providerReasons.length > 0) reasons.set('INFORMATION_PROVIDER', providerReasons);
  }
  if (roles.has('PRESS')) reasons.set('PRESS', ['press agency']);
  if (roles.has('PORTAL')) reasons.set('PORTAL', ['provincial e-portal']);
  // Every other role is always invited, so only an information provider outside the topics can need adding.
  if (reasons.size === 0 && context.added.has(agency.id)) {
    reasons.set(agency.roles[0] ?? 'INFORMATION_PROVIDER', ['added by an administrator']);
  }
  return reasons;
}

/** The leadership representative (the spokesperson, else the first contact), or the press agency's invitees. */
function invite(agency: AgencySnapshot, role: AgencyRole, reasons: string[], context: Context): Invitation[] {
  const contacts = reachableContacts(agency);
  if (role === 'PRESS') return invitePress(contacts, context);
  const representative = contacts.find((contact) => contact.spokesperson) ?? contacts[0];
  return representative ? reasons.map((reason) => ({ contact: representative, reason })) : [];
}

function reachableContacts(agency: AgencySnapshot): AgencyContact[] {
  const seen = new Set<string>();
  return agency.contacts.filter((contact) => {
    const email = contact.email?.trim().toLowerCase();
    if (!email || seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/** One participant per contact, under the agency's most significant role, with all its reasons. */
function mergeByContact(
  agency: AgencySnapshot,
  role: AgencyRole,
  mustBrief: boolean,
  invitations: Invitation[],
): ResolvedParticipant[] {
  const byEmail = new Map<string, { contact: AgencyContact; reasons: string[] }>();
  for (const { contact, reason } of invitations) {
    const key = contact.email.trim().toLowerCase();
    const entry = byEmail.get(key) ?? { contact, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    byEmail.set(key, entry);
  }
  return [...byEmail.values()].map(({ contact, reasons }) => ({
    agencyId: agency.id,
    agencyName: agency.name,
    role,
    contactName: contact.name,
    ...(contact.title ? { contactTitle: contact.title } : {}),
    email: contact.email.trim(),
    locale: contact.locale,
    mustBrief,
    reason: reasons.join('; '),
  }));
}

/** Why the agency's fields or territory match the topics, e.g. `field "đất đai" matches topic "Đất đai"`. */
function matchReasons(agency: AgencySnapshot, topics: string[], label: string): string[] {
  return [
    ...fieldReasons(agency.fields, topics, label),
    ...(agency.territory
      ? subjectReasons('territory', agency.territory, placeName(agency.territory), topics, label)
      : []),
  ];
}

function compareParticipants(a: ResolvedParticipant, b: ResolvedParticipant): number {
  return (
    ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
    collator.compare(a.agencyName, b.agencyName) ||
    a.agencyId.localeCompare(b.agencyId) ||
    collator.compare(a.contactName, b.contactName) ||
    a.email.localeCompare(b.email)
  );
}

function compareUnreachable(a: UnreachableAgency, b: UnreachableAgency): number {
  const rank = (entry: UnreachableAgency) => (entry.role ? ROLE_RANK[entry.role] : Number.MAX_SAFE_INTEGER);
  return (
    rank(a) - rank(b) ||
    Number(a.agencyName === null) - Number(b.agencyName === null) ||
    collator.compare(a.agencyName ?? '', b.agencyName ?? '') ||
    a.agencyId.localeCompare(b.agencyId)
  );
}
