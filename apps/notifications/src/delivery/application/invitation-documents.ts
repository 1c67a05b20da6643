import { Injectable } from '@nestjs/common';
import type { ContactLocale } from '@pressconf/contracts';
import { ConfigService } from '@nestjs/config';
import { buildInvitationCalendar, LetterRenderer, MailConference } from '../../rendering';
import { ConferenceSnapshot } from '../../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import { InvitationTokens } from '../../invitations/application/invitation-tokens';
import { mailAgenda } from '../../invitations/domain/agenda';
import { notificationsConfig, type NotificationsConfig } from '../../config';
import { letterIssuer, provinceSettings } from '../../province-settings';
import { mailFrom } from '../infrastructure/email-channel';
import { OutgoingAttachment } from './channel';
import { invitationLinks } from './links';

/**
 * The invitation's documents, the letter and the calendar entry, built one way for the mail's attachments and
 * for the invitee's page (see RsvpService), so that the two never differ.
 */
@Injectable()
export class InvitationDocuments {
  private readonly zone = this.config.get('TZ_DISPLAY', { infer: true });
  private readonly province = provinceSettings(notificationsConfig());

  constructor(
    private readonly config: ConfigService<NotificationsConfig, true>,
    private readonly tokens: InvitationTokens,
    private readonly letters: LetterRenderer,
  ) {}

  private organizer(conference: ConferenceSnapshot): { name: string; email: string } {
    return conference.organizer
      ? { name: conference.organizer.agencyName, email: conference.organizer.email }
      : { name: 'Ban tổ chức', email: fromAddress() };
  }

  /**
   * The host agencies as the invitation and the invitee's page name them: those the call named, else (calls of
   * earlier versions) the organising agency.
   */
  hosts(conference: ConferenceSnapshot): string[] {
    if (conference.hosts.length > 0) return conference.hosts.map((host) => host.agencyName);
    return [this.organizer(conference).name];
  }

  /**
   * The invitation letter (Giấy mời) PDF: the same rendering serves the mail's attachment and
   * GET /invitations/{token}/letter.pdf (see RsvpService), so the two never differ.
   */
  async letter(
    conference: ConferenceSnapshot,
    invitation: InvitationEntity,
  ): Promise<OutgoingAttachment & { content: Buffer }> {
    const issuer = letterIssuer(notificationsConfig(), conference);
    const content = await this.letters.render({
      number: conference.letterNumber,
      issuedAt: conference.letterIssuedAt,
      place: this.province.letter.place,
      unit: this.province.names.unit,
      parentBody: issuer.parentBody,
      issuingBody: issuer.name,
      recipient: { name: invitation.contactName, agencyName: invitation.agencyName },
      hosts: conference.hosts.map((host) => ({ name: host.agencyName, roles: host.roles })),
      conference: mailConference(conference),
      agenda: mailAgenda(conference.agenda, conference.startsAt),
      rsvpUrl: invitationLinks(this.tokens.tokenOf(invitation.id)).rsvpUrl,
      signer: issuer.signer,
      zone: this.zone,
    });
    return {
      filename: `giay-moi-${conference.letterNumber.replace(/\//g, '-')}.pdf`,
      contentType: 'application/pdf',
      content,
    };
  }

  /**
   * The iTIP part, its text in the invitee's language: the same builder serves GET /invitations/{token}/calendar.ics
   * (see RsvpService). The letter stays Vietnamese whatever the language: it is an official document.
   */
  calendar(
    conference: ConferenceSnapshot,
    invitation: InvitationEntity,
    method: 'REQUEST' | 'CANCEL',
  ): OutgoingAttachment {
    const locale = invitation.locale;
    return {
      filename: CALENDAR_FILES[locale][method],
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      method,
      content: buildInvitationCalendar({
        method,
        conference: {
          conferenceId: conference.id,
          ...mailConference(conference),
          agenda: mailAgenda(conference.agenda, conference.startsAt),
        },
        sequence: conference.sequence,
        organizer: this.organizer(conference),
        attendee: { name: invitation.contactName, email: invitation.email },
        url: invitationLinks(this.tokens.tokenOf(invitation.id)).rsvpUrl,
        zone: this.zone,
        domain: this.province.calendarDomain,
        province: this.province.names[locale],
        locale,
      }),
    };
  }
}

const CALENDAR_FILES: Record<ContactLocale, Record<'REQUEST' | 'CANCEL', string>> = {
  vi: { REQUEST: 'giay-moi.ics', CANCEL: 'huy-hoi-nghi.ics' },
  en: { REQUEST: 'invitation.ics', CANCEL: 'cancellation.ics' },
};

export function mailConference(conference: ConferenceSnapshot): MailConference {
  return {
    title: conference.title,
    kind: conference.kind,
    startsAt: conference.startsAt,
    endsAt: conference.endsAt,
    venue: conference.venue,
    topics: conference.topics,
  };
}

function fromAddress(): string {
  const from = mailFrom();
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
