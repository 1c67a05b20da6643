import { BriefRequestEntity } from '../infrastructure/brief-request.entity';

/** What every event about one brief request says of it (opened, overdue, closed…), beside its own fields. */
export function briefRequestFacts(request: BriefRequestEntity) {
  return {
    requestId: request.id,
    conferenceId: request.conferenceId,
    agencyId: request.agencyId,
    dueAt: request.dueAt.toISOString(),
  };
}
