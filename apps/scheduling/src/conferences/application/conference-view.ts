import { AgendaItem, ConferenceView } from '@pressconf/contracts';
import { scheduleAgenda } from '../domain/agenda';
import { ConferenceEntity } from '../infrastructure/conference.entity';

export function toConferenceView(c: ConferenceEntity): ConferenceView {
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    title: c.title,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    venue: c.venue,
    topics: c.topics,
    incidentId: c.incidentId,
    seriesId: c.seriesId,
    briefsDueAt: c.briefsDueAt ? c.briefsDueAt.toISOString() : null,
    sequence: c.sequence,
    calledAt: c.calledAt ? c.calledAt.toISOString() : null,
    participants: (c.participants ?? [])
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        inviteeId: p.id,
        agencyId: p.agencyId,
        agencyName: p.agencyName,
        role: p.role,
        contactName: p.contactName,
        email: p.email,
        mustBrief: p.mustBrief,
        reason: p.reason,
        rsvp: p.rsvp,
        ...(p.delegateName ? { delegateName: p.delegateName } : {}),
      })),
    inviteeChanges: { added: c.addedAgencyIds, removed: c.removedAgencyIds },
    agenda: agendaOf(c),
    hosts: c.hosts,
    issuer: c.issuer,
    coHostRequest: c.coHostRequest,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The agenda with each item's start, as shown and as announced by the call. */
export function agendaOf(c: ConferenceEntity): AgendaItem[] {
  return scheduleAgenda(c.agenda, c.startsAt).map(({ startsAt, ...item }) => ({
    ...item,
    startsAt: startsAt.toISOString(),
  }));
}
