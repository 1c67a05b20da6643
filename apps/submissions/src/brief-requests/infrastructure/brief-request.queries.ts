import { EntityManager } from 'typeorm';
import { BriefRequestStatus, NotFoundError } from '@pressconf/contracts';
import { BriefRequestEntity } from './brief-request.entity';

/**
 * Loads a brief request and locks it for the rest of the transaction: every change to a request, its brief,
 * its files and its review goes through this lock, so that a submit, a review and the overdue watcher never
 * act on a stale status.
 */
export async function lockRequest(tx: EntityManager, id: string): Promise<BriefRequestEntity> {
  const request = await tx
    .getRepository(BriefRequestEntity)
    .createQueryBuilder('r')
    .where('r.id = :id', { id })
    .setLock('pessimistic_write')
    .getOne();
  if (!request) throw new NotFoundError('Brief request', id);
  return request;
}

/** The conference's requests in the given statuses, locked the same way (an event moving or closing them all). */
export function lockRequestsOf(
  tx: EntityManager,
  conferenceId: string,
  statuses: readonly BriefRequestStatus[],
): Promise<BriefRequestEntity[]> {
  return tx
    .getRepository(BriefRequestEntity)
    .createQueryBuilder('r')
    .where('r.conference_id = :conferenceId', { conferenceId })
    .andWhere('r.status IN (:...statuses)', { statuses })
    .orderBy('r.id')
    .setLock('pessimistic_write')
    .getMany();
}
