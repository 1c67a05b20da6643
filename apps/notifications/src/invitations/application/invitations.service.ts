import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConfigService } from '@nestjs/config';
import {
  Actor,
  ConferenceCalledData,
  ConferenceCompletedData,
  ContactLocale,
  EventEnvelope,
  InvitationView,
  InviteeData,
  ListInvitationsQuery,
  NotFoundError,
  Page,
} from '@pressconf/contracts';
import type { NotificationsConfig } from '../../config';
import { BriefMailService } from '../../briefs/application/brief-mail.service';
import { DeliveryQueue, mailToInvitee } from '../../delivery/application/delivery-queue';
import { DeliveryKind } from '../../delivery/domain/delivery-kind';
import { readsConference } from '../domain/host-scope';
import { inviteeReminderAt } from '../domain/invitee-reminder';
import { ConferenceSnapshot } from '../infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../infrastructure/invitation.entity';
import { InvitationTokens } from './invitation-tokens';
import { LetterNumbers } from './letter-numbers';

/** The notices whose delivery the invitations list reports: the latest of them per invitee. */
const LISTED_NOTICES: DeliveryKind[] = [
  'INVITATION',
  'INVITATION_UPDATED',
  'INVITATION_AGENDA_CHANGED',
  'INVITATION_WITHDRAWN',
  'INVITATION_CANCELLED',
];

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letterNumbers: LetterNumbers,
    private readonly queue: DeliveryQueue,
    private readonly briefMail: BriefMailService,
    private readonly tokens: InvitationTokens,
    private readonly config: ConfigService<NotificationsConfig, true>,
  ) {}

  /** When the invitees of a conference whose time was announced at `announcedAt` are reminded of it. */
  reminderAt(announcedAt: Date, startsAt: Date): Date | null {
    return inviteeReminderAt(announcedAt, startsAt, this.config.get('INVITEE_REMINDER_HOURS_BEFORE', { infer: true }));
  }

  /**
   * One invitation and one queued e-mail per invitee; sending happens elsewhere. The RSVP token is derived from the
   * invitation's id: only its hash is stored.
   */
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
        hosts: data.hosts ?? [],
        issuer: data.issuer ?? null,
        letterNumber: await this.letterNumbers.next(tx, issuedAt, data),
        letterIssuedAt: issuedAt,
        statusReason: null,
        previousStartsAt: null,
        agenda: data.agenda ?? [],
        remindAt: this.reminderAt(issuedAt, new Date(data.startsAt)),
        reminderKey: event.id,
      });
    }
    const invitations = await this.insertInvitations(tx, data.conferenceId, data.invitees);
    const conference = { id: data.conferenceId, sequence: data.sequence };
    await this.queue.add(
      tx,
      data.invitees.map((invitee) => {
        const { id, locale } = invitations.get(invitee.inviteeId)!;
        return mailToInvitee('INVITATION', event.id, conference, { ...invitee, id, locale });
      }),
    );
    // Submissions may have opened the brief requests before this call reached us: their mail can go now.
    await this.briefMail.queueRequestsOf(tx, data.conferenceId);
  }

  /**
   * Each invitee's invitation, made once (a redelivered event finds the ones it made), in the contact's language
   * (an event of an earlier version names none: Vietnamese): one statement for the lot, whatever their number.
   */
  async insertInvitations(
    tx: EntityManager,
    conferenceId: string,
    invitees: InviteeData[],
  ): Promise<Map<string, { id: string; locale: ContactLocale }>> {
    const ids = invitees.map(() => randomUUID());
    const column = <T>(value: (invitee: InviteeData, i: number) => T): T[] => invitees.map(value);
    await tx.query(
      `INSERT INTO invitation (id, conference_id, invitee_id, agency_id, agency_name, role, contact_name,
                               contact_title, email, token_hash, must_brief, locale)
       SELECT id, $1::uuid, invitee_id, agency_id, agency_name, role, contact_name, contact_title, email, token_hash,
              must_brief, locale
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::bytea[], $11::boolean[], $12::text[])
           AS t(id, invitee_id, agency_id, agency_name, role, contact_name, contact_title, email, token_hash,
                must_brief, locale)
       ON CONFLICT (invitee_id) DO NOTHING`,
      [
        conferenceId,
        ids,
        column((invitee) => invitee.inviteeId),
        column((invitee) => invitee.agencyId),
        column((invitee) => invitee.agencyName),
        column((invitee) => invitee.role),
        column((invitee) => invitee.contactName),
        column((invitee) => invitee.contactTitle ?? null),
        column((invitee) => invitee.email.toLowerCase()),
        column((_, i) => this.tokens.hashOf(this.tokens.tokenOf(ids[i]))),
        column((invitee) => invitee.mustBrief),
        column((invitee) => invitee.locale ?? 'vi'),
      ],
    );
    // The rows as they are now, made by this statement or by an earlier delivery of the event.
    const rows: Array<{ id: string; invitee_id: string; locale: ContactLocale }> = await tx.query(
      'SELECT id, invitee_id, locale FROM invitation WHERE invitee_id = ANY($1::uuid[])',
      [column((invitee) => invitee.inviteeId)],
    );
    return new Map(rows.map((row) => [row.invitee_id, { id: row.id, locale: row.locale }]));
  }

  /** A held conference takes no more answers and no more reminders. */
  async markCompleted(data: ConferenceCompletedData, tx: EntityManager): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(ConferenceSnapshot)
      .set({ status: 'COMPLETED', sequence: () => `GREATEST(sequence, ${Number(data.sequence)})` })
      .where('id = :id AND status <> :cancelled', { id: data.conferenceId, cancelled: 'CANCELLED' })
      .execute();
  }

  /**
   * Urgent calls (EXTRAORDINARY): an invitee who has not answered URGENT_ACK_MINUTES after their invitation went
   * out gets a second notice, once (its cause is the invitation, so the delivery's uniqueness makes it once-only).
   */
  async queueUrgentReminders(ackMinutes: number): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO delivery (id, kind, channel, source_event_id, conference_id, invitation_id, recipient_name, email,
                             locale, sequence, status, next_attempt_at)
       SELECT gen_random_uuid(), 'INVITATION_URGENT_REMINDER', d.channel, i.id, i.conference_id, i.id, i.contact_name,
              i.email, i.locale, c.sequence, 'PENDING', now()
         FROM invitation i
         JOIN conference c ON c.id = i.conference_id
         JOIN delivery d ON d.invitation_id = i.id AND d.kind = 'INVITATION' AND d.status = 'SENT'
        WHERE c.kind = 'EXTRAORDINARY' AND c.status IN ('CALLED', 'RESCHEDULED') AND c.starts_at > now()
          AND i.rsvp = 'PENDING' AND i.withdrawn_at IS NULL
          AND d.sent_at <= now() - make_interval(secs => $1::float * 60)
          AND NOT EXISTS (SELECT 1 FROM delivery r WHERE r.invitation_id = i.id AND r.kind = 'INVITATION_URGENT_REMINDER')
       ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
       RETURNING id`,
      [ackMinutes],
    );
    return rows.length;
  }

  /**
   * Each invitee with the delivery of the latest notice about the conference and their answer. A conference its
   * agency does not host does not exist for a host (404).
   */
  async listForConference(
    conferenceId: string,
    actor: Actor,
    query: ListInvitationsQuery,
  ): Promise<Page<InvitationView>> {
    if (actor.role === 'host') {
      const conference = await this.dataSource.getRepository(ConferenceSnapshot).findOneBy({ id: conferenceId });
      if (!readsConference(actor, conference?.hosts ?? [])) throw new NotFoundError('Conference', conferenceId);
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT i.*, d.kind AS notice, d.channel, d.status AS delivery_status, d.attempts, d.sent_at, d.last_error,
              r.sent_at AS reminder_sent_at, count(*) OVER () AS total
         FROM invitation i
         LEFT JOIN LATERAL (
           SELECT kind, channel, status, attempts, sent_at, last_error FROM delivery
            WHERE invitation_id = i.id AND kind = ANY($5::text[]) ORDER BY created_at DESC LIMIT 1
         ) d ON true
         LEFT JOIN LATERAL (
           SELECT sent_at FROM delivery WHERE invitation_id = i.id AND kind = 'INVITATION_URGENT_REMINDER' LIMIT 1
         ) r ON true
        WHERE i.conference_id = $1
          AND ($2::uuid IS NULL OR i.agency_id = $2::uuid)
          AND ($6::text IS NULL OR i.rsvp = $6::text)
        ORDER BY i.agency_name, i.contact_name, i.id
        LIMIT $3 OFFSET $4`,
      [
        conferenceId,
        actor.role === 'agency' || actor.role === 'press' ? actor.agencyId : null,
        pageSize,
        (page - 1) * pageSize,
        LISTED_NOTICES,
        query.rsvp ?? null,
      ],
    );
    return {
      items: rows.map(toInvitationView),
      page,
      pageSize,
      total: rows.length ? Number(rows[0].total) : await this.countFor(conferenceId, query),
    };
  }

  private async countFor(conferenceId: string, query: ListInvitationsQuery): Promise<number> {
    return this.dataSource
      .getRepository(InvitationEntity)
      .countBy({ conferenceId, ...(query.rsvp ? { rsvp: query.rsvp } : {}) });
  }
}

function iso(value: unknown): string | null {
  return value ? (value as Date).toISOString() : null;
}

function toInvitationView(r: Record<string, unknown>): InvitationView {
  return {
    id: r.id as string,
    conferenceId: r.conference_id as string,
    inviteeId: r.invitee_id as string,
    agencyId: r.agency_id as string,
    agencyName: r.agency_name as string,
    role: r.role as InvitationView['role'],
    recipient: r.contact_name as string,
    email: r.email as string,
    locale: r.locale as InvitationView['locale'],
    channel: (r.channel as InvitationView['channel']) ?? 'EMAIL',
    notice: (r.notice as InvitationView['notice']) ?? 'INVITATION',
    status: (r.delivery_status as InvitationView['status']) ?? 'PENDING',
    attempts: Number(r.attempts ?? 0),
    sentAt: iso(r.sent_at),
    lastError: (r.last_error as string | null) ?? null,
    rsvp: r.rsvp as InvitationView['rsvp'],
    rsvpAt: iso(r.rsvp_at),
    ...(r.delegate_name ? { delegateName: r.delegate_name as string } : {}),
    ...(r.delegate_title ? { delegateTitle: r.delegate_title as string } : {}),
    urgentReminderSentAt: iso(r.reminder_sent_at),
  };
}
