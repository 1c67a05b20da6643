import { EntityManager } from 'typeorm';
import { NotFoundError } from '@pressconf/contracts';
import { ConferenceEntity } from './conference.entity';

/** The conference under a row lock, for a change: concurrent changes of one conference run one after another. */
export async function lockConference(tx: EntityManager, id: string): Promise<ConferenceEntity> {
  const conference = await tx.findOne(ConferenceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!conference) throw new NotFoundError('Conference', id);
  return conference;
}

/** The conference with its participants in invitation order, for a view. */
export async function loadConference(tx: EntityManager, id: string): Promise<ConferenceEntity> {
  const conference = await tx.findOne(ConferenceEntity, {
    where: { id },
    relations: { participants: true },
    order: { participants: { position: 'ASC' } },
  });
  if (!conference) throw new NotFoundError('Conference', id);
  return conference;
}
