import { EntityManager, In } from 'typeorm';
import { IncidentConferenceView, IncidentView } from '@pressconf/contracts';
import { ConferenceEntity } from '../../conferences/infrastructure/conference.entity';
import { conveningOf } from '../domain/convening';
import { IncidentEntity } from '../infrastructure/incident.entity';

/** The incidents as shown, each with its conferences and where it stands against the 24-hour rule at `now`. */
export async function incidentViews(
  tx: EntityManager,
  incidents: IncidentEntity[],
  now = new Date(),
): Promise<IncidentView[]> {
  const ids = incidents.map((i) => i.id);
  const conferences = ids.length
    ? await tx.find(ConferenceEntity, {
        where: { incidentId: In(ids) },
        select: { id: true, incidentId: true, title: true, status: true, startsAt: true, calledAt: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      })
    : [];
  return incidents.map((i) => {
    const own = conferences.filter((c) => c.incidentId === i.id);
    const called = own
      .filter((c): c is ConferenceEntity & { calledAt: Date } => c.calledAt !== null)
      .sort((a, b) => a.calledAt.getTime() - b.calledAt.getTime())[0];
    const calledConference: IncidentConferenceView | null = called
      ? {
          id: called.id,
          title: called.title,
          status: called.status,
          startsAt: called.startsAt.toISOString(),
          calledAt: called.calledAt.toISOString(),
        }
      : null;
    return {
      id: i.id,
      title: i.title,
      description: i.description,
      occurredAt: i.occurredAt.toISOString(),
      detectedAt: i.detectedAt.toISOString(),
      topics: i.topics,
      agencyIds: i.agencyIds,
      conveneBy: i.conveneBy.toISOString(),
      deadlineBreachedAt: i.breachReportedAt ? i.breachReportedAt.toISOString() : null,
      conferenceIds: own.map((c) => c.id),
      ...conveningOf(i.conveneBy, called?.calledAt ?? null, now),
      calledConference,
      createdAt: i.createdAt.toISOString(),
    };
  });
}
