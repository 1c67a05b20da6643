import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailRecipient, MailTemplates, RenderedMail } from '../../rendering';
import { ConferenceSnapshot } from '../../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import { InvitationTokens } from '../../invitations/application/invitation-tokens';
import { mailAgenda } from '../../invitations/domain/agenda';
import type { DeliveryKind } from '../domain/delivery-kind';
import { OutgoingAttachment } from './channel';
import { InvitationDocuments, mailConference } from './invitation-documents';
import { invitationLinks } from './links';

/** The notices an invitee receives about their invitation. */
export const INVITEE_MAIL_KINDS = [
  'INVITATION',
  'INVITATION_UPDATED',
  'INVITATION_AGENDA_CHANGED',
  'INVITATION_REMINDER',
  'INVITATION_WITHDRAWN',
  'INVITATION_CANCELLED',
  'INVITATION_URGENT_REMINDER',
] as const satisfies readonly DeliveryKind[];
export type InviteeMailKind = (typeof INVITEE_MAIL_KINDS)[number];

export function isInviteeMail(kind: DeliveryKind): kind is InviteeMailKind {
  return (INVITEE_MAIL_KINDS as readonly DeliveryKind[]).includes(kind);
}

/** What an invitee's notice is made from: the conference and the invitation as they stand at send time. */
export interface InviteeMailSources {
  kind: InviteeMailKind;
  conference: ConferenceSnapshot;
  invitation: InvitationEntity;
  recipient: MailRecipient;
  locale: string;
  zone: string;
}

/**
 * Renders the invitation and every later notice to an invitee (update, agenda, reminder, withdrawal,
 * cancellation): the mail, and the calendar entry and letter that go with it.
 */
@Injectable()
export class InviteeMail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
    private readonly tokens: InvitationTokens,
    private readonly documents: InvitationDocuments,
  ) {}

  async render(sources: InviteeMailSources): Promise<{ mail: RenderedMail; attachments: OutgoingAttachment[] }> {
    const { conference, invitation, locale } = sources;
    const base = { recipient: sources.recipient, zone: sources.zone };
    switch (sources.kind) {
      case 'INVITATION': {
        const mail = this.templates.render('invitation', locale, {
          ...base,
          conference: mailConference(conference),
          hosts: this.documents.hosts(conference),
          agenda: mailAgenda(conference.agenda, conference.startsAt),
          ...invitationLinks(this.tokens.tokenOf(invitation.id)),
        });
        return {
          mail,
          attachments: [
            this.documents.calendar(conference, invitation, 'REQUEST'),
            await this.documents.letter(conference, invitation),
          ],
        };
      }
      case 'INVITATION_UPDATED': {
        const mail = this.templates.render('invitation-updated', locale, {
          ...base,
          conference: mailConference(conference),
          previousStartsAt: conference.previousStartsAt ?? undefined,
          reason: conference.statusReason ?? '',
          ...invitationLinks(this.tokens.tokenOf(invitation.id)),
        });
        return { mail, attachments: [this.documents.calendar(conference, invitation, 'REQUEST')] };
      }
      case 'INVITATION_AGENDA_CHANGED': {
        const model = this.inviteeModel(sources);
        const mail = this.templates.render('invitation-agenda-changed', locale, model);
        return { mail, attachments: [this.documents.calendar(conference, invitation, 'REQUEST')] };
      }
      case 'INVITATION_REMINDER': {
        const model = this.inviteeModel(sources);
        const accepted = invitation.rsvp === 'ACCEPT';
        return {
          mail: this.templates.render('invitation-reminder', locale, { ...model, accepted }),
          attachments: [],
        };
      }
      case 'INVITATION_WITHDRAWN': {
        const model = this.inviteeModel(sources);
        const mail = this.templates.render('invitation-withdrawn', locale, model);
        return { mail, attachments: [this.documents.calendar(conference, invitation, 'CANCEL')] };
      }
      case 'INVITATION_CANCELLED': {
        const mail = this.templates.render('invitation-cancelled', locale, {
          ...base,
          conference: mailConference(conference),
          reason: conference.statusReason ?? '',
        });
        return { mail, attachments: [this.documents.calendar(conference, invitation, 'CANCEL')] };
      }
      case 'INVITATION_URGENT_REMINDER': {
        const mail = this.templates.render('invitation-urgent-reminder', locale, {
          ...base,
          conference: mailConference(conference),
          ...invitationLinks(this.tokens.tokenOf(invitation.id)),
          invitedAt: (await this.invitedAt(invitation.id)) ?? undefined,
        });
        return { mail, attachments: [] };
      }
    }
  }

  /** What every notice to an invitee shows: the conference as it stands, its agenda, the invitee's links. */
  private inviteeModel({ conference, invitation, recipient, zone }: InviteeMailSources) {
    return {
      recipient,
      zone,
      conference: mailConference(conference),
      agenda: mailAgenda(conference.agenda, conference.startsAt),
      ...invitationLinks(this.tokens.tokenOf(invitation.id)),
    };
  }

  /** When the invitation itself went out, for the second notice to a silent invitee. */
  private async invitedAt(invitationId: string): Promise<Date | null> {
    const [row]: Array<{ sent_at: Date | null }> = await this.dataSource.query(
      `SELECT sent_at FROM delivery WHERE invitation_id = $1 AND kind = 'INVITATION' ORDER BY created_at LIMIT 1`,
      [invitationId],
    );
    return row?.sent_at ?? null;
  }
}
