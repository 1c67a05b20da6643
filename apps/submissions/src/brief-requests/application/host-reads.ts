import { EntityManager } from 'typeorm';
import { Actor } from '@pressconf/contracts';
import { assertHostReads } from '../domain/access';
import { ConferenceProjection } from '../infrastructure/conference-projection.entity';

/** For a host, a 404 naming `what` unless its agency hosts the conference; the other roles pass. */
export async function assertHostReadsConference(
  manager: EntityManager,
  actor: Actor,
  conferenceId: string,
  what: string,
  id: string,
): Promise<void> {
  if (actor.role !== 'host') return;
  const conference = await manager.findOneBy(ConferenceProjection, { id: conferenceId });
  assertHostReads(actor, conference?.hosts ?? [], what, id);
}
