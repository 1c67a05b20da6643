import { EntityManager } from 'typeorm';
import { NotFoundError } from '@pressconf/contracts';
import { ConferenceEntity } from './conference.entity';
import { ParticipantEntity } from './participant.entity';

/** The conference under a row lock, for a change: concurrent changes of one conference run one after another. */
export async function lockConference(tx: EntityManager, id: string): Promise<ConferenceEntity> {
  const conference = await tx.findOne(ConferenceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!conference) throw new NotFoundError('Conference', id);
  return conference;
}

/**
 * The conference with its participants in invitation order, for a view. Two plain queries: TypeORM's one-query
 * form of a relation with `findOne` adds a DISTINCT pre-query and hydrates a joined row per participant, which
 * cost more CPU than everything else a read of a conference does.
 */
export async function loadConference(tx: EntityManager, id: string): Promise<ConferenceEntity> {
  // One after the other: inside a transaction both would share one connection anyway.
  const conference = await tx.findOneBy(ConferenceEntity, { id });
  if (!conference) throw new NotFoundError('Conference', id);
  conference.participants = await tx.find(ParticipantEntity, {
    where: { conferenceId: id },
    order: { position: 'ASC' },
  });
  return conference;
}
