import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  ConferenceAgendaChangedData,
  ConferenceCancelledData,
  ConferenceInviteesChangedData,
  ConferenceRescheduledData,
  EventEnvelope,
} from '@pressconf/contracts';
import { BriefMailService } from '../../briefs/application/brief-mail.service';
import { DeliveryQueue, mailToInvitee } from '../../delivery/application/delivery-queue';
import { ConferenceChange, noticesFor } from '../domain/change-notices';
import { ConferenceSnapshot } from '../infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../infrastructure/invitation.entity';
import { InvitationsService } from './invitations.service';

/**
 * What changes about a called conference reaches its invitees the one way the call does: the snapshot takes the
 * change, and each invitee concerned gets one queued notice (noticesFor says who gets which), rendered when sent
 * from what is known then, with the conference's new SEQUENCE. Events of one conference arrive in order.
 */
@Injectable()
export class ConferenceChangesService {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly queue: DeliveryQueue,
    private readonly briefMail: BriefMailService,
  ) {}

  /** A new time: an updated invitation to everyone invited; their reminder moves with the start. */
  async onRescheduled(data: ConferenceRescheduledData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED' || conference.sequence >= data.sequence) return;
    conference.previousStartsAt = conference.startsAt;
    conference.startsAt = new Date(data.startsAt);
    conference.endsAt = new Date(data.endsAt);
    conference.sequence = data.sequence;
    conference.status = 'RESCHEDULED';
    conference.statusReason = data.reason;
    conference.remindAt = this.invitations.reminderAt(new Date(event.occurredAt), conference.startsAt);
    conference.reminderKey = event.id;
    await tx.save(conference);
    await this.stopPending(tx, 'the conference was rescheduled', {
      conferenceId: conference.id,
      kinds: ['INVITATION_REMINDER'],
    });
    await this.notify(tx, event, conference, { kind: 'rescheduled' });
  }

  /** The cancellation to everyone invited; nothing else is sent for this conference afterwards. */
  async onCancelled(data: ConferenceCancelledData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED') return;
    conference.status = 'CANCELLED';
    conference.sequence = Math.max(conference.sequence, data.sequence);
    conference.statusReason = data.reason;
    await tx.save(conference);
    await this.stopPending(tx, 'the conference was cancelled', { conferenceId: conference.id });
    await this.notify(tx, event, conference, { kind: 'cancelled' });
  }

  /** The new agenda to every current invitee; mail, page, calendar and letter show it from now on. */
  async onAgendaChanged(data: ConferenceAgendaChangedData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED') return;
    conference.agenda = data.agenda;
    conference.sequence = Math.max(conference.sequence, data.sequence);
    await tx.save(conference);
    await this.notify(tx, event, conference, { kind: 'agenda-changed' });
  }

  /** An invitation to each added invitee, the notice of withdrawal to each removed one; nobody else hears of it. */
  async onInviteesChanged(data: ConferenceInviteesChangedData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const conference = await tx.findOneBy(ConferenceSnapshot, { id: data.conferenceId });
    if (!conference || conference.status === 'CANCELLED') return;
    await this.invitations.insertInvitations(tx, conference.id, data.added);
    conference.sequence = Math.max(conference.sequence, data.sequence);
    await tx.save(conference);
    const removed = data.removed.map((invitee) => invitee.inviteeId);
    await this.notify(tx, event, conference, {
      kind: 'invitees-changed',
      added: data.added.map((invitee) => invitee.inviteeId),
      removed,
    });
    if (removed.length > 0) {
      const withdrawn = await tx.findBy(InvitationEntity, { inviteeId: In(removed) });
      await tx.update(InvitationEntity, { inviteeId: In(removed) }, { withdrawnAt: new Date(event.occurredAt) });
      await this.stopPending(tx, 'the invitation was withdrawn', {
        invitationIds: withdrawn.map((invitation) => invitation.id),
        except: 'INVITATION_WITHDRAWN',
      });
    }
    // An added agency that must brief may already have its request: its new contacts are asked too.
    await this.briefMail.queueRequestsOf(tx, conference.id);
  }

  private async notify(
    tx: EntityManager,
    event: EventEnvelope,
    conference: ConferenceSnapshot,
    change: ConferenceChange,
  ): Promise<void> {
    const invitations = await tx.findBy(InvitationEntity, { conferenceId: conference.id });
    const byId = new Map(invitations.map((invitation) => [invitation.id, invitation]));
    const states = invitations.map((i) => ({ invitationId: i.id, inviteeId: i.inviteeId, withdrawn: !!i.withdrawnAt }));
    await this.queue.add(
      tx,
      noticesFor(change, states).map((notice) =>
        mailToInvitee(notice.kind, event.id, conference, byId.get(notice.invitationId)!),
      ),
    );
  }

  /** Queued mail that no longer applies ends FAILED with the reason, as the worker would skip it at send time. */
  private async stopPending(
    tx: EntityManager,
    reason: string,
    which: { conferenceId?: string; invitationIds?: string[]; kinds?: string[]; except?: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE delivery SET status = 'FAILED', last_error = $1
        WHERE status = 'PENDING'
          AND ($2::uuid IS NULL OR conference_id = $2::uuid)
          AND ($3::uuid[] IS NULL OR invitation_id = ANY($3::uuid[]))
          AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
          AND kind <> $5`,
      [
        `not sent: ${reason}`,
        which.conferenceId ?? null,
        which.invitationIds ?? null,
        which.kinds ?? null,
        // The cancellation notice is the one message a cancelled conference still sends.
        which.except ?? 'INVITATION_CANCELLED',
      ],
    );
  }
}
