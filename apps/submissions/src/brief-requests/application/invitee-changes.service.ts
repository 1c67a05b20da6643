import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BriefRequestStatuses, ConferenceInviteesChangedData, EventTypes } from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { briefRequestChanges } from '../domain/invitee-changes';
import { apply } from '../domain/lifecycle';
import { BriefRequestEntity } from '../infrastructure/brief-request.entity';
import { lockRequestsOf } from '../infrastructure/brief-request.queries';
import { ConferenceProjection } from '../infrastructure/conference-projection.entity';
import { BriefRequestsService } from './brief-requests.service';
import { briefRequestFacts } from './brief-request-facts';

/** The reason notifications and the report read on the closed event (agency mail is in Vietnamese). */
const WITHDRAWN_REASON = 'Cơ quan không còn trong danh sách được mời dự họp báo';

/**
 * Invitees added or removed after the call (briefRequestChanges says what that does to the briefs): an added
 * agency is asked for its brief, due as requests opened after the call are; a removed one owes nothing any more.
 * Each change is announced in the same transaction, as at the call.
 */
@Injectable()
export class InviteeChangesService {
  constructor(
    private readonly requests: BriefRequestsService,
    private readonly outbox: Outbox,
  ) {}

  async onInviteesChanged(data: ConferenceInviteesChangedData, tx: EntityManager): Promise<void> {
    const conference = await tx.findOneBy(ConferenceProjection, { id: data.conferenceId });
    // Nothing changes for a conference submissions never saw called, nor for a cancelled one (all closed already).
    if (!conference || (conference.status !== 'CALLED' && conference.status !== 'RESCHEDULED')) return;
    const existing = await lockRequestsOf(tx, conference.id, BriefRequestStatuses);
    const changes = briefRequestChanges(data, existing);
    for (const { agencyId, agencyName } of changes.open)
      await this.requests.openForAgency(tx, conference, agencyId, agencyName);
    const byId = new Map(existing.map((request) => [request.id, request]));
    for (const id of changes.reopen) await this.reopen(tx, conference, byId.get(id)!);
    for (const id of changes.close) await this.close(tx, byId.get(id)!);
  }

  /** The agency is asked again on the same request (its drafts and nominations kept), due as a late request is. */
  private async reopen(tx: EntityManager, conference: ConferenceProjection, request: BriefRequestEntity) {
    request.status = apply(request.status, 'REOPEN_FOR_INVITATION');
    request.closedReason = null;
    request.closingNote = null;
    request.dueAt = await this.requests.lateDueAt(tx, conference, new Date());
    await tx.save(request);
    await this.outbox.add(tx, EventTypes.briefRequestOpened, request.conferenceId, {
      ...briefRequestFacts(request),
    });
  }

  private async close(tx: EntityManager, request: BriefRequestEntity) {
    request.status = apply(request.status, 'CLOSE_FOR_WITHDRAWAL');
    request.closedReason = 'INVITATION_WITHDRAWN';
    await tx.save(request);
    await this.outbox.add(tx, EventTypes.briefRequestClosed, request.conferenceId, {
      ...briefRequestFacts(request),
      reason: WITHDRAWN_REASON,
      closedReason: request.closedReason,
    });
  }
}
