import type { Actor, BriefingPackView, RepresentativeDto, Role } from '@pressconf/contracts';

/**
 * Who sees what of the briefing pack (README, "Who sees what"). The representatives an agency sends are named in
 * every pack, but their e-mail addresses and telephone numbers, given for the organisers to reach them, stay with
 * the organisers: the pack the agencies, the press and read-only clients read carries no one's contact details.
 * The PDF never prints them (rendering/pack-pdf.ts), whoever reads it.
 */
const SEE_CONTACTS: ReadonlySet<Role> = new Set(['admin', 'coordinator', 'host']);

export function seesRepresentativeContacts(actor: Actor): boolean {
  return SEE_CONTACTS.has(actor.role);
}

export function withoutContact(representative: RepresentativeDto): RepresentativeDto {
  const { email, phone, ...rest } = representative;
  return rest;
}

/** The pack's JSON as the actor may read it. */
export function packFor(actor: Actor, pack: BriefingPackView): BriefingPackView {
  if (seesRepresentativeContacts(actor)) return pack;
  return {
    ...pack,
    briefs: pack.briefs.map((brief) => ({ ...brief, representatives: brief.representatives.map(withoutContact) })),
  };
}
