import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  EventTypes,
  InvitationByTokenView,
  isInvitationToken,
  NotFoundError,
  RsvpDto,
  StateConflictError,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { invitationLinks } from '../../delivery/application/links';
import { InvitationDocuments } from '../../delivery/application/invitation-documents';
import { scheduledAgenda } from '../domain/agenda';
import { assertLinkLive } from '../domain/link-expiry';
import { canChangeAnswer, decideAnswer, sameAnswer } from '../domain/rsvp';
import { ConferenceSnapshot } from '../infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../infrastructure/invitation.entity';
import type { NotificationsConfig } from '../../config';
import { ConfigService } from '@nestjs/config';
import { InvitationTokens } from './invitation-tokens';

/** The current calendar entry (iTIP), served as text/calendar with its method. */
export interface InviteeCalendar {
  method: 'REQUEST' | 'CANCEL';
  filename: string;
  content: string;
}

/** The invitation letter (Giấy mời) PDF, about 50 KB. */
export interface InviteeLetter {
  filename: string;
  content: Buffer;
}

/** The invitee's side of an invitation, reached with its token alone (no account). */
@Injectable()
export class RsvpService {
  private readonly zone = this.config.get('TZ_DISPLAY', { infer: true });
  private readonly daysAfterEnd = this.config.get('RSVP_LINK_DAYS_AFTER_END', { infer: true });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly documents: InvitationDocuments,
    private readonly config: ConfigService<NotificationsConfig, true>,
    private readonly tokens: InvitationTokens,
  ) {}

  async view(token: string): Promise<InvitationByTokenView> {
    const { invitation, conference } = await this.find(this.dataSource.manager, token);
    return this.toView(token, invitation, conference, new Date());
  }

  /**
   * Records the answer and announces it (notifications.rsvp.received.v1) in one transaction; scheduling shows it
   * in the participants list. The invitation row is locked so that two quick answers land one after the other.
   */
  async respond(token: string, dto: RsvpDto): Promise<InvitationByTokenView> {
    return this.dataSource.transaction(async (tx) => {
      const { invitation, conference } = await this.find(tx, token, true);
      const now = new Date();
      const answer = decideAnswer(conference, dto, now, invitation.withdrawnAt !== null);
      if (!sameAnswer(answer, invitation)) {
        invitation.rsvp = answer.rsvp;
        invitation.delegateName = answer.delegateName;
        invitation.delegateTitle = answer.delegateTitle;
        invitation.rsvpAt = now;
        await tx.update(InvitationEntity, { id: invitation.id }, { ...answer, rsvpAt: now });
        await this.outbox.add(
          tx,
          EventTypes.rsvpReceived,
          conference.id,
          {
            conferenceId: conference.id,
            inviteeId: invitation.inviteeId,
            response: dto.response,
            ...(answer.delegateName ? { delegateName: answer.delegateName } : {}),
            ...(answer.delegateTitle ? { delegateTitle: answer.delegateTitle } : {}),
          },
          now,
        );
      }
      return this.toView(token, invitation, conference, now);
    });
  }

  /** The current calendar entry: the REQUEST at the latest SEQUENCE, or the CANCEL once cancelled or withdrawn. */
  async calendar(token: string): Promise<InviteeCalendar> {
    const { invitation, conference } = await this.find(this.dataSource.manager, token);
    const method = conference.status === 'CANCELLED' || invitation.withdrawnAt ? 'CANCEL' : 'REQUEST';
    const part = this.documents.calendar(conference, invitation, method);
    return { method, filename: part.filename, content: String(part.content) };
  }

  /**
   * The invitation letter as the mail attached it, rendered from the current data. A cancelled conference's letter
   * is withdrawn, and so is that of an invitee removed after the call: a PDF that still "cordially invites" would
   * mislead whoever is shown it.
   */
  async letter(token: string): Promise<InviteeLetter> {
    const { invitation, conference } = await this.find(this.dataSource.manager, token);
    if (conference.status === 'CANCELLED') {
      throw new StateConflictError(
        'The conference was cancelled: its invitation letter is withdrawn',
        conference.status,
      );
    }
    if (invitation.withdrawnAt) {
      throw new StateConflictError('The invitation was withdrawn: its letter is withdrawn with it', conference.status);
    }
    const part = await this.documents.letter(conference, invitation);
    return { filename: part.filename, content: part.content };
  }

  /**
   * Unknown and malformed tokens are the same 404, and the answer never repeats the token. A token is found by its
   * hash (the derived token's, or that of a random one mailed before tokens were derived); once the conference
   * ended RSVP_LINK_DAYS_AFTER_END ago, it is a 410.
   */
  private async find(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<{ invitation: InvitationEntity; conference: ConferenceSnapshot }> {
    const notFound = new NotFoundError('Invitation', 'for this link');
    if (!isInvitationToken(token)) throw notFound;
    const query = manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where('(i.tokenHash = :hash OR i.previousTokenHash = :hash)', { hash: this.tokens.hashOf(token) });
    if (lock) query.setLock('pessimistic_write');
    const invitation = await query.getOne();
    if (!invitation) throw notFound;
    const conference = await manager.findOneByOrFail(ConferenceSnapshot, { id: invitation.conferenceId });
    assertLinkLive(conference, this.daysAfterEnd, new Date());
    return { invitation, conference };
  }

  private toView(
    token: string,
    invitation: InvitationEntity,
    conference: ConferenceSnapshot,
    now: Date,
  ): InvitationByTokenView {
    return {
      conference: {
        id: conference.id,
        title: conference.title,
        kind: conference.kind,
        status: conference.status,
        startsAt: conference.startsAt.toISOString(),
        endsAt: conference.endsAt.toISOString(),
        venue: conference.venue,
        topics: conference.topics,
        hosts: this.documents.hosts(conference),
        ...(conference.statusReason ? { statusReason: conference.statusReason } : {}),
        timeZone: this.zone,
        letterNumber: conference.letterNumber,
        agenda: scheduledAgenda(conference.agenda, conference.startsAt),
      },
      invitee: {
        name: invitation.contactName,
        ...(invitation.contactTitle ? { title: invitation.contactTitle } : {}),
        agencyName: invitation.agencyName,
        role: invitation.role,
      },
      locale: invitation.locale,
      rsvp: invitation.rsvp,
      ...(invitation.delegateName ? { delegateName: invitation.delegateName } : {}),
      ...(invitation.delegateTitle ? { delegateTitle: invitation.delegateTitle } : {}),
      respondedAt: invitation.rsvpAt ? invitation.rsvpAt.toISOString() : null,
      withdrawn: invitation.withdrawnAt !== null,
      canChange: canChangeAnswer(conference, now, invitation.withdrawnAt !== null),
      changeableUntil: conference.startsAt.toISOString(),
      calendarUrl: invitationLinks(token).calendarUrl,
    };
  }
}
