import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  ConferenceCalledData,
  ConferenceCancelledData,
  ConferenceRescheduledData,
  EventEnvelope,
  InvitationView,
  Page,
  PageQuery,
} from '@pressconf/contracts';
import { DeliveryKind } from '../../delivery/domain/delivery-kind';
import { DeliveryEntity } from '../../delivery/infrastructure/delivery.entity';
import { LetterNumbers } from './letter-numbers';
import { ConferenceSnapshot } from '../infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../infrastructure/invitation.entity';

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letterNumbers: LetterNumbers,
  ) {}

  /** One invitation (with its RSVP token) and one queued e-mail per invitee; sending happens elsewhere. */
  async inviteForCalledConference(data: ConferenceCalledData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const existing = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!existing) {
      const issuedAt = new Date(event.occurredAt);
      await tx.insert(ConferenceSnapshot, {
        id: data.conferenceId,
        kind: data.kind,
        title: data.title,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        venue: data.venue,
        topics: data.topics,
        status: 'CALLED',
        sequence: data.sequence,
        organizer: data.organizer ?? null,
        letterNumber: await this.letterNumbers.next(tx, issuedAt),
        letterIssuedAt: issuedAt,
        statusReason: null,
        previousStartsAt: null,
      });
    }
    for (const invitee of data.invitees) {
      const inserted: Array<{ id: string }> = await tx.query(
        `INSERT INTO invitation (id, conference_id, invitee_id, agency_id, agency_name, role, contact_name,
                                 contact_title, email, token)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (invitee_id) DO NOTHING RETURNING id`,
        [
          randomUUID(),
          data.conferenceId,
          invitee.inviteeId,
          invitee.agencyId,
          invitee.agencyName,
          invitee.role,
          invitee.contactName,
          invitee.contactTitle ?? null,
          invitee.email.toLowerCase(),
          randomBytes(24).toString('base64url'),
        ],
      );
      const invitation =
        inserted[0] ?? (await tx.findOneByOrFail(InvitationEntity, { inviteeId: invitee.inviteeId }));
      await this.queue(tx, 'INVITATION', event.id, data.conferenceId, data.sequence, {
        id: invitation.id,
        contactName: invitee.contactName,
        email: invitee.email.toLowerCase(),
      });
    }
  }

  /** Everyone invited hears of the new time: an updated invitation with a higher SEQUENCE. */
  async notifyRescheduled(data: ConferenceRescheduledData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED' || conference.sequence >= data.sequence) return;
    conference.previousStartsAt = conference.startsAt;
    conference.startsAt = new Date(data.startsAt);
    conference.endsAt = new Date(data.endsAt);
    conference.sequence = data.sequence;
    conference.status = 'RESCHEDULED';
    conference.statusReason = data.reason;
    await tx.save(conference);
    await this.queueForAll(tx, 'INVITATION_UPDATED', event.id, conference);
  }

  /** Everyone invited hears of the cancellation; nothing else is sent for this conference afterwards. */
  async notifyCancelled(data: ConferenceCancelledData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED') return;
    conference.status = 'CANCELLED';
    conference.sequence = Math.max(conference.sequence, data.sequence);
    conference.statusReason = data.reason;
    await tx.save(conference);
    await tx.query(
      `UPDATE delivery SET status = 'FAILED', last_error = 'not sent: the conference was cancelled'
        WHERE conference_id = $1 AND status = 'PENDING' AND kind <> 'INVITATION_CANCELLED'`,
      [conference.id],
    );
    await this.queueForAll(tx, 'INVITATION_CANCELLED', event.id, conference);
  }

  async listForConference(conferenceId: string, actor: Actor, query: PageQuery): Promise<Page<InvitationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT i.*, d.status AS delivery_status, d.attempts, d.sent_at, d.last_error, count(*) OVER () AS total
         FROM invitation i
         LEFT JOIN LATERAL (
           SELECT status, attempts, sent_at, last_error FROM delivery
            WHERE invitation_id = i.id AND kind = 'INVITATION' ORDER BY created_at LIMIT 1
         ) d ON true
        WHERE i.conference_id = $1 AND ($2::uuid IS NULL OR i.agency_id = $2::uuid)
        ORDER BY i.agency_name, i.contact_name, i.id
        LIMIT $3 OFFSET $4`,
      [conferenceId, actor.role === 'agency' || actor.role === 'press' ? actor.agencyId : null, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        conferenceId: r.conference_id as string,
        inviteeId: r.invitee_id as string,
        agencyId: r.agency_id as string,
        recipient: r.contact_name as string,
        email: r.email as string,
        channel: 'EMAIL',
        status: (r.delivery_status as InvitationView['status']) ?? 'PENDING',
        attempts: Number(r.attempts ?? 0),
        sentAt: r.sent_at ? (r.sent_at as Date).toISOString() : null,
        lastError: (r.last_error as string | null) ?? null,
        rsvp: r.rsvp as InvitationView['rsvp'],
        ...(r.delegate_name ? { delegateName: r.delegate_name as string } : {}),
      })),
      page,
      pageSize,
      total: rows.length ? Number(rows[0].total) : await this.countFor(conferenceId),
    };
  }

  private async countFor(conferenceId: string): Promise<number> {
    return this.dataSource.getRepository(InvitationEntity).countBy({ conferenceId });
  }

  private async queueForAll(tx: EntityManager, kind: DeliveryKind, eventId: string, conference: ConferenceSnapshot) {
    const invitations = await tx.findBy(InvitationEntity, { conferenceId: conference.id });
    for (const invitation of invitations) {
      await this.queue(tx, kind, eventId, conference.id, conference.sequence, invitation);
    }
  }

  private async queue(
    tx: EntityManager,
    kind: DeliveryKind,
    eventId: string,
    conferenceId: string,
    sequence: number,
    invitation: Pick<InvitationEntity, 'id' | 'contactName' | 'email'>,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values({
        id: randomUUID(),
        kind,
        channel: 'EMAIL',
        sourceEventId: eventId,
        conferenceId,
        invitationId: invitation.id,
        recipientName: invitation.contactName,
        email: invitation.email,
        sequence,
        status: 'PENDING',
        nextAttemptAt: new Date(),
      })
      .orIgnore()
      .execute();
  }
}
