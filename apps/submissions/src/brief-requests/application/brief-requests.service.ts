import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConferenceCalledData,
  ConferenceCancelledData,
  ConferenceRescheduledData,
  EventTypes,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { WorkingCalendar } from '@pressconf/vn-calendar';
import { briefDueAt, DueTimePolicy } from '../domain/due-time';
import { afterDueTimeMoved, apply } from '../domain/lifecycle';
import { BriefRequestEntity } from '../infrastructure/brief-request.entity';
import { lockRequestsOf } from '../infrastructure/brief-request.queries';
import { ConferenceProjection } from '../infrastructure/conference-projection.entity';
import { briefRequestFacts } from './brief-request-facts';

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
      venue: data.venue,
      topics: data.topics,
      status: 'CALLED',
      sequence: data.sequence,
      hosts: (data.hosts ?? []).map(({ agencyId, agencyName, roles }) => ({ agencyId, agencyName, roles })),
    });
    await tx.upsert(ConferenceProjection, conference, ['id']);
    const dueAt = briefDueAt(
      {
        kind: data.kind,
        startsAt: conference.startsAt,
        briefsDueAt: data.briefsDueAt ? new Date(data.briefsDueAt) : null,
      },
      this.policy,
      this.calendar,
      new Date(),
    );
    const agencies = new Map<string, string>();
    for (const invitee of data.invitees) if (invitee.mustBrief) agencies.set(invitee.agencyId, invitee.agencyName);
    for (const [agencyId, agencyName] of agencies)
      await this.openOne(tx, data.conferenceId, agencyId, agencyName, dueAt);
  }

  /**
   * Opens a request for one more agency on a called conference (information it offered was included), due as
   * the requests opened at the call are. An agency already asked keeps its request: that one is answered.
   */
  async openForAgency(
    tx: EntityManager,
    conference: ConferenceProjection,
    agencyId: string,
    agencyName: string,
  ): Promise<{ requestId: string; dueAt: Date }> {
    const existing = await tx.findOneBy(BriefRequestEntity, { conferenceId: conference.id, agencyId });
    if (existing) return { requestId: existing.id, dueAt: existing.dueAt };
    const dueAt = await this.lateDueAt(tx, conference, new Date());
    const requestId = await this.openOne(tx, conference.id, agencyId, agencyName, dueAt);
    if (!requestId) throw new Error(`a brief request of agency ${agencyId} on ${conference.id} appeared meanwhile`);
    return { requestId, dueAt };
  }

  /**
   * When a request opened after the call is due: the others' due time (the conference's own `briefsDueAt`, moved
   * with it) while it lies ahead; else the usual.
   */
  async lateDueAt(tx: EntityManager, conference: ConferenceProjection, now: Date): Promise<Date> {
    const [shared]: Array<{ due_at: Date }> = await tx.query(
      `SELECT max(due_at) AS due_at FROM brief_request WHERE conference_id = $1 AND status = ANY($2::text[])`,
      [conference.id, OUTSTANDING],
    );
    return shared?.due_at && shared.due_at.getTime() > now.getTime()
      ? shared.due_at
      : briefDueAt(conference, this.policy, this.calendar, now);
  }

  /** The new request's id, with its opened event; undefined when the agency already had one. */
  private async openOne(
    tx: EntityManager,
    conferenceId: string,
    agencyId: string,
    agencyName: string,
    dueAt: Date,
  ): Promise<string | undefined> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO brief_request (id, conference_id, agency_id, agency_name, due_at, status)
       VALUES ($1, $2, $3, $4, $5, 'OPEN') ON CONFLICT (conference_id, agency_id) DO NOTHING RETURNING id`,
      [randomUUID(), conferenceId, agencyId, agencyName, dueAt],
    );
    const [row] = inserted as Array<{ id: string }>;
    if (!row) return undefined;
    await this.outbox.add(tx, EventTypes.briefRequestOpened, conferenceId, {
      requestId: row.id,
      conferenceId,
      agencyId,
      dueAt: dueAt.toISOString(),
    });
    return row.id;
  }

  /**
   * Moves the due time of every brief still owed, and announces each move (the agency is told the new time);
   * one the new time leaves in the future is open again.
   */
  async moveForRescheduledConference(data: ConferenceRescheduledData, tx: EntityManager): Promise<void> {
    const conference = await tx.findOneBy(ConferenceProjection, { id: data.conferenceId });
    if (!conference || conference.sequence >= data.sequence) return;
    conference.startsAt = new Date(data.startsAt);
    conference.endsAt = new Date(data.endsAt);
    conference.sequence = data.sequence;
    conference.status = 'RESCHEDULED';
    await tx.save(conference);
    const now = new Date();
    const dueAt = briefDueAt(
      {
        kind: conference.kind,
        startsAt: conference.startsAt,
        briefsDueAt: data.briefsDueAt ? new Date(data.briefsDueAt) : null,
      },
      this.policy,
      this.calendar,
      now,
    );
    const requests = await lockRequestsOf(tx, data.conferenceId, OUTSTANDING);
    for (const request of requests) {
      const previousDueAt = request.dueAt;
      request.dueAt = dueAt;
      request.status = afterDueTimeMoved(request.status, dueAt, now);
      await tx.save(request);
      if (previousDueAt.getTime() === dueAt.getTime()) continue;
      await this.outbox.add(tx, EventTypes.briefRequestDueMoved, data.conferenceId, {
        requestId: request.id,
        conferenceId: request.conferenceId,
        agencyId: request.agencyId,
        dueAt: dueAt.toISOString(),
        previousDueAt: previousDueAt.toISOString(),
        status: request.status,
      });
    }
  }

  /** Closes every request not yet accepted; the agencies owe nothing for a cancelled conference. */
  async closeForCancelledConference(data: ConferenceCancelledData, tx: EntityManager): Promise<void> {
    await tx.update(ConferenceProjection, { id: data.conferenceId }, { status: 'CANCELLED', sequence: data.sequence });
    const requests = await lockRequestsOf(tx, data.conferenceId, [...OUTSTANDING, 'SUBMITTED']);
    for (const request of requests) {
      request.status = apply(request.status, 'CLOSE_FOR_CANCELLATION');
      request.closedReason = 'CONFERENCE_CANCELLED';
      await tx.save(request);
      await this.outbox.add(tx, EventTypes.briefRequestClosed, data.conferenceId, {
        ...briefRequestFacts(request),
        reason: data.reason,
        closedReason: request.closedReason,
      });
    }
  }

  /**
   * Marks overdue the open requests whose due time has passed, each with its event in the same transaction.
   * Rows another replica is marking are skipped, and a marked row is no longer OPEN: one event per due time,
   * whatever the number of replicas and restarts.
   */
  async markOverdue(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = await tx
        .getRepository(BriefRequestEntity)
        .createQueryBuilder('r')
        .where(`r.status = 'OPEN'`)
        .andWhere('r.due_at <= now()')
        .orderBy('r.due_at', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const request of due) {
        request.status = apply(request.status, 'MARK_OVERDUE');
        await tx.save(request);
        await this.outbox.add(tx, EventTypes.briefRequestOverdue, request.conferenceId, {
          ...briefRequestFacts(request),
        });
      }
      return due.length;
    });
  }
}
