import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import {
  BriefEventData,
  BriefingPackCompiledData,
  BriefRequestDueMovedData,
  BriefRequestEventData,
  EventEnvelope,
} from '@pressconf/contracts';
import { DeliveryQueue, mailToInvitee } from '../../delivery/application/delivery-queue';
import { DeliveryKind } from '../../delivery/domain/delivery-kind';
import { briefOutstanding, BriefRequestState, OUTSTANDING_BRIEF_STATES } from '../../delivery/domain/send-rules';
import { ConferenceSnapshot } from '../../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import { briefReminderAt } from '../domain/brief-reminder';
import { BriefRequestProjection } from '../infrastructure/brief-request.entity';
import type { NotificationsConfig } from '../../config';
import { ConfigService } from '@nestjs/config';

/**
 * Mail about written briefs, from submissions' events: the request to each agency concerned, a reminder before
 * the due time, the notice of a moved due time, the overdue notice, and the briefing pack to everyone invited. The agency's contacts are the
 * invitees of that agency that must brief (from the call): notifications reads no other service's tables.
 */
@Injectable()
export class BriefMailService {
  private readonly reminderHoursBefore = this.config.get('BRIEF_REMINDER_HOURS_BEFORE', { infer: true });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: DeliveryQueue,
    private readonly config: ConfigService<NotificationsConfig, true>,
  ) {}

  /**
   * A request opened, or opened again: one closed when its agency was removed is opened again when the agency is
   * invited again (events of one conference arrive in order, so an opened event after the closed one is that). It
   * is then asked, reminded and told when overdue anew, for its new due time.
   */
  async onOpened(data: BriefRequestEventData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const openedAt = new Date(event.occurredAt);
    const dueAt = new Date(data.dueAt);
    const remindAt = briefReminderAt(openedAt, dueAt, this.reminderHoursBefore);
    await tx
      .createQueryBuilder()
      .insert()
      .into(BriefRequestProjection)
      .values({
        id: data.requestId,
        conferenceId: data.conferenceId,
        agencyId: data.agencyId,
        dueAt,
        remindAt,
        reminderKey: data.requestId,
        requestKey: data.requestId,
        status: 'OPEN',
        openedAt,
      })
      .orIgnore()
      .execute();
    await tx.update(
      BriefRequestProjection,
      { id: data.requestId, status: 'CLOSED' },
      {
        dueAt,
        previousDueAt: null,
        remindAt,
        reminderKey: event.id,
        requestKey: event.id,
        status: 'OPEN',
        openedAt,
        updatedAt: new Date(),
      },
    );
    const request = await tx.findOneByOrFail(BriefRequestProjection, { id: data.requestId });
    await this.queueRequestMail(tx, request);
  }

  /** The request mail of every brief still owed for the conference, once its invitations are known. */
  async queueRequestsOf(tx: EntityManager, conferenceId: string): Promise<void> {
    const requests = await tx.findBy(BriefRequestProjection, {
      conferenceId,
      status: In([...OUTSTANDING_BRIEF_STATES]),
    });
    for (const request of requests) await this.queueRequestMail(tx, request);
  }

  /** The overdue notice, unless the brief came in meanwhile (events of one conference arrive in order). */
  async onOverdue(data: BriefRequestEventData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const request = await tx.findOneBy(BriefRequestProjection, { id: data.requestId });
    if (request && !briefOutstanding(request.status) && request.status !== 'OVERDUE') return;
    if (request) await this.setStatus(tx, request.id, 'OVERDUE');
    else {
      await tx.insert(BriefRequestProjection, {
        id: data.requestId,
        conferenceId: data.conferenceId,
        agencyId: data.agencyId,
        dueAt: new Date(data.dueAt),
        remindAt: null,
        reminderKey: data.requestId,
        requestKey: data.requestId,
        status: 'OVERDUE',
        openedAt: new Date(event.occurredAt),
      });
    }
    await this.queueForAgency(tx, 'BRIEF_OVERDUE', event.id, { id: data.requestId, ...data });
  }

  /**
   * A moved due time: the agency is told the new one, and its reminder and overdue notice follow it. The reminder
   * gets a new cause, so that the new due time is reminded once even when the old one already was.
   */
  async onDueMoved(data: BriefRequestDueMovedData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const request = await tx.findOneBy(BriefRequestProjection, { id: data.requestId });
    if (!request || request.status === 'CLOSED') return;
    const dueAt = new Date(data.dueAt);
    await tx.update(
      BriefRequestProjection,
      { id: request.id },
      {
        dueAt,
        previousDueAt: new Date(data.previousDueAt),
        remindAt: briefReminderAt(new Date(event.occurredAt), dueAt, this.reminderHoursBefore),
        reminderKey: event.id,
        status: data.status,
        updatedAt: new Date(),
      },
    );
    await this.queueForAgency(tx, 'BRIEF_DUE_MOVED', event.id, request);
  }

  async onClosed(data: BriefRequestEventData, tx: EntityManager): Promise<void> {
    await this.setStatus(tx, data.requestId, 'CLOSED');
  }

  async onSubmitted(data: BriefEventData, tx: EntityManager): Promise<void> {
    await this.setStatus(tx, data.requestId, 'SUBMITTED');
  }

  async onReviewed(data: BriefEventData, tx: EntityManager): Promise<void> {
    if (data.decision) await this.setStatus(tx, data.requestId, data.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED');
  }

  /** Every invitee receives the link; the pack's own embargo decides who may open it before the start. */
  async onPackCompiled(data: BriefingPackCompiledData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED') return;
    const invitations = await tx.findBy(InvitationEntity, { conferenceId: data.conferenceId, withdrawnAt: IsNull() });
    await this.queue.add(
      tx,
      invitations.map((invitation) => mailToInvitee('BRIEFING_PACK', event.id, conference, invitation)),
    );
  }

  /**
   * Reminders that have come due: one per due time of a request (its cause is the request, then each move of its
   * due time), to the agency's contacts, while the brief is owed, before its due time, and for a conference still
   * to be held.
   */
  async queueDueReminders(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO delivery (id, kind, channel, source_event_id, conference_id, invitation_id, brief_request_id,
                             recipient_name, email, locale, sequence, status, next_attempt_at)
       SELECT gen_random_uuid(), 'BRIEF_REMINDER', 'EMAIL', r.reminder_key, r.conference_id, i.id, r.id,
              i.contact_name, i.email, i.locale, c.sequence, 'PENDING', now()
         FROM brief_request r
         JOIN conference c ON c.id = r.conference_id
         JOIN invitation i ON i.conference_id = r.conference_id AND i.agency_id = r.agency_id AND i.must_brief
                          AND i.withdrawn_at IS NULL
        WHERE r.status = ANY($1::text[]) AND r.remind_at <= now() AND r.due_at > now()
          AND c.status IN ('CALLED', 'RESCHEDULED')
          AND NOT EXISTS (SELECT 1 FROM delivery x
                           WHERE x.brief_request_id = r.id AND x.kind = 'BRIEF_REMINDER'
                             AND x.source_event_id = r.reminder_key)
       ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
       RETURNING id`,
      [OUTSTANDING_BRIEF_STATES],
    );
    return rows.length;
  }

  private async queueRequestMail(tx: EntityManager, request: BriefRequestProjection): Promise<void> {
    if (briefOutstanding(request.status)) await this.queueForAgency(tx, 'BRIEF_REQUEST', request.requestKey, request);
  }

  /**
   * Mail to the agency's contacts that must brief. Before the call reached notifications there are none (the
   * request mail then goes with the invitations); after a cancellation nothing more is sent.
   */
  private async queueForAgency(
    tx: EntityManager,
    kind: DeliveryKind,
    cause: string,
    request: Pick<BriefRequestProjection, 'id' | 'conferenceId' | 'agencyId'>,
  ): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: request.conferenceId });
    if (!conference || conference.status === 'CANCELLED') return;
    const contacts = await tx.findBy(InvitationEntity, {
      conferenceId: request.conferenceId,
      agencyId: request.agencyId,
      mustBrief: true,
      withdrawnAt: IsNull(),
    });
    for (const contact of contacts) {
      await this.queue.add(tx, {
        kind,
        cause,
        conferenceId: request.conferenceId,
        invitationId: contact.id,
        briefRequestId: request.id,
        sequence: conference.sequence,
        recipient: { name: contact.contactName, email: contact.email, locale: contact.locale },
      });
    }
  }

  /** A closed request stays closed; otherwise events arrive in order and each one states the new status. */
  private async setStatus(tx: EntityManager, requestId: string, status: BriefRequestState): Promise<void> {
    await tx.update(
      BriefRequestProjection,
      { id: requestId, status: Not('CLOSED') },
      { status, updatedAt: new Date() },
    );
  }
}
