import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  BriefRequestView,
  ConferenceCalledData,
  ConferenceCancelledData,
  ConferenceRescheduledData,
  EventTypes,
  Page,
  PageQuery,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { briefDueAt, DueTimePolicy } from '../domain/due-time';
import { BriefRequestEntity } from '../infrastructure/brief-request.entity';
import { ConferenceProjection } from '../infrastructure/conference-projection.entity';

export const DUE_TIME_POLICY = Symbol('DUE_TIME_POLICY');

/** Statuses in which an agency still owes its brief. */
const OUTSTANDING = ['OPEN', 'RETURNED', 'OVERDUE'] as const;

@Injectable()
export class BriefRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    private readonly policy: DueTimePolicy,
  ) {}

  /** Opens one request per agency that must brief; a redelivered call opens nothing new. */
  async openForCalledConference(data: ConferenceCalledData, tx: EntityManager): Promise<void> {
    const conference = tx.create(ConferenceProjection, {
      id: data.conferenceId,
      kind: data.kind,
      title: data.title,
      startsAt: new Date(data.startsAt),
      endsAt: new Date(data.endsAt),
      status: 'CALLED',
      sequence: data.sequence,
    });
    await tx.upsert(ConferenceProjection, conference, ['id']);
    const dueAt = briefDueAt(
      { kind: data.kind, startsAt: conference.startsAt, briefsDueAt: data.briefsDueAt ? new Date(data.briefsDueAt) : null },
      this.policy,
      this.calendar,
      new Date(),
    );
    const agencies = new Map<string, string>();
    for (const invitee of data.invitees) if (invitee.mustBrief) agencies.set(invitee.agencyId, invitee.agencyName);
    for (const [agencyId, agencyName] of agencies) {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO brief_request (id, conference_id, agency_id, agency_name, due_at, status)
         VALUES ($1, $2, $3, $4, $5, 'OPEN') ON CONFLICT (conference_id, agency_id) DO NOTHING RETURNING id`,
        [randomUUID(), data.conferenceId, agencyId, agencyName, dueAt],
      );
      const [row] = inserted as Array<{ id: string }>;
      if (!row) continue;
      await this.outbox.add(tx, EventTypes.briefRequestOpened, data.conferenceId, {
        requestId: row.id,
        conferenceId: data.conferenceId,
        agencyId,
        dueAt: dueAt.toISOString(),
      });
    }
  }

  /** Moves the due time of every brief still owed; one the new time leaves in the future is open again. */
  async moveForRescheduledConference(data: ConferenceRescheduledData, tx: EntityManager): Promise<void> {
    const conference = await tx.findOneBy(ConferenceProjection, { id: data.conferenceId });
    if (!conference || conference.sequence >= data.sequence) return;
    conference.startsAt = new Date(data.startsAt);
    conference.endsAt = new Date(data.endsAt);
    conference.sequence = data.sequence;
    conference.status = 'RESCHEDULED';
    await tx.save(conference);
    const dueAt = briefDueAt(
      { kind: conference.kind, startsAt: conference.startsAt, briefsDueAt: data.briefsDueAt ? new Date(data.briefsDueAt) : null },
      this.policy,
      this.calendar,
      new Date(),
    );
    const requests = await tx.findBy(BriefRequestEntity, {
      conferenceId: data.conferenceId,
      status: In([...OUTSTANDING]),
    });
    for (const request of requests) {
      request.dueAt = dueAt;
      if (request.status === 'OVERDUE' && dueAt > new Date()) request.status = 'OPEN';
      await tx.save(request);
    }
  }

  /** Closes every request not yet accepted; the agencies owe nothing for a cancelled conference. */
  async closeForCancelledConference(data: ConferenceCancelledData, tx: EntityManager): Promise<void> {
    await tx.update(ConferenceProjection, { id: data.conferenceId }, { status: 'CANCELLED', sequence: data.sequence });
    const requests = await tx.findBy(BriefRequestEntity, {
      conferenceId: data.conferenceId,
      status: In([...OUTSTANDING, 'SUBMITTED']),
    });
    for (const request of requests) {
      request.status = 'CLOSED';
      await tx.save(request);
      await this.outbox.add(tx, EventTypes.briefRequestClosed, data.conferenceId, {
        requestId: request.id,
        conferenceId: request.conferenceId,
        agencyId: request.agencyId,
        dueAt: request.dueAt.toISOString(),
        reason: data.reason,
      });
    }
  }

  /** An agency sees only its own agency's requests; hosts and the coordinator see all. */
  async listForConference(conferenceId: string, actor: Actor, query: PageQuery): Promise<Page<BriefRequestView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = {
      conferenceId,
      ...(actor.role === 'agency' ? { agencyId: actor.agencyId ?? '00000000-0000-0000-0000-000000000000' } : {}),
    };
    const [rows, total] = await this.dataSource.getRepository(BriefRequestEntity).findAndCount({
      where,
      order: { agencyName: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toBriefRequestView), page, pageSize, total };
  }
}

export function toBriefRequestView(r: BriefRequestEntity): BriefRequestView {
  return {
    id: r.id,
    conferenceId: r.conferenceId,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    dueAt: r.dueAt.toISOString(),
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
