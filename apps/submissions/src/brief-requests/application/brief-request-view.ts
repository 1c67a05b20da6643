import type { BriefRequestView } from '@pressconf/contracts';
import { BriefRequestEntity } from '../infrastructure/brief-request.entity';

export function toBriefRequestView(r: BriefRequestEntity, briefId?: string): BriefRequestView {
  return {
    id: r.id,
    conferenceId: r.conferenceId,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    dueAt: r.dueAt.toISOString(),
    status: r.status,
    ...(briefId ? { briefId } : {}),
    representatives: r.representatives ?? [],
    ...(r.closedReason ? { closedReason: r.closedReason } : {}),
    ...(r.closingNote ? { closingNote: r.closingNote } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
