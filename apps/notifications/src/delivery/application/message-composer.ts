import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { buildInvitationCalendar, MailTemplates, RenderedMail, renderInvitationLetter } from '../../rendering';
import { ConferenceSnapshot } from '../../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import { DeliveryEntity } from '../infrastructure/delivery.entity';
import { OutgoingAttachment, OutgoingMessage } from './channel';

export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/** Where an invitee answers and fetches the calendar entry, by the invitation's token. */
export function invitationLinks(token: string): { rsvpUrl: string; calendarUrl: string } {
  const base = `${publicBaseUrl()}/api/v1/invitations/${encodeURIComponent(token)}`;
  return { rsvpUrl: base, calendarUrl: `${base}/calendar.ics` };
}

/**
 * Renders a delivery into a message at send time, from the conference as notifications knows it now. Returns
 * null for anything but the cancellation notice once the conference is cancelled: nothing else goes out.
 */
@Injectable()
export class MessageComposer {
  private readonly locale = process.env.MAIL_LOCALE ?? 'vi';
  private readonly zone = process.env.TZ_DISPLAY ?? 'Asia/Ho_Chi_Minh';
  private readonly domain = new URL(publicBaseUrl()).hostname;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
  ) {}

  async compose(delivery: DeliveryEntity): Promise<OutgoingMessage | null> {
    const conference = await this.dataSource.manager.findOneByOrFail(ConferenceSnapshot, { id: delivery.conferenceId });
    if (conference.status === 'CANCELLED' && delivery.kind !== 'INVITATION_CANCELLED') return null;
    const invitation = await this.dataSource.manager.findOneByOrFail(InvitationEntity, { id: delivery.invitationId! });
    const recipient = { name: invitation.contactName, agencyName: invitation.agencyName, title: invitation.contactTitle ?? undefined };
    const links = invitationLinks(invitation.token);
    const organizer = conference.organizer
      ? { name: conference.organizer.agencyName, email: conference.organizer.email }
      : { name: 'Ban tổ chức', email: fromAddress() };
    const mailConference = {
      title: conference.title,
      kind: conference.kind,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      venue: conference.venue,
      topics: conference.topics,
    };
    const calendar = (method: 'REQUEST' | 'CANCEL'): OutgoingAttachment => ({
      filename: method === 'CANCEL' ? 'huy-hoi-nghi.ics' : 'giay-moi.ics',
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      method,
      content: buildInvitationCalendar({
        method,
        conference: { conferenceId: conference.id, ...mailConference },
        sequence: conference.sequence,
        organizer,
        attendee: { name: invitation.contactName, email: invitation.email },
        url: links.rsvpUrl,
        zone: this.zone,
      }),
    });

    let mail: RenderedMail;
    const attachments: OutgoingAttachment[] = [];
    switch (delivery.kind) {
      case 'INVITATION':
        mail = this.templates.render('invitation', this.locale, {
          recipient,
          conference: mailConference,
          hosts: [organizer.name],
          ...links,
          zone: this.zone,
        });
        attachments.push(calendar('REQUEST'), {
          filename: `giay-moi-${conference.letterNumber.replace(/\//g, '-')}.pdf`,
          contentType: 'application/pdf',
          content: await renderInvitationLetter({
            number: conference.letterNumber,
            issuedAt: conference.letterIssuedAt,
            place: 'Đắk Lắk',
            parentBody: process.env.LETTER_PARENT_BODY ?? 'UBND TỈNH ĐẮK LẮK',
            issuingBody: organizer.name,
            recipient: { name: invitation.contactName, agencyName: invitation.agencyName },
            conference: { ...mailConference },
            rsvpUrl: links.rsvpUrl,
            signer: {
              position: process.env.LETTER_SIGNER_POSITION ?? 'GIÁM ĐỐC',
              name: process.env.LETTER_SIGNER_NAME ?? 'Ban tổ chức',
            },
            zone: this.zone,
          }),
        });
        break;
      case 'INVITATION_UPDATED':
        mail = this.templates.render('invitation-updated', this.locale, {
          recipient,
          conference: mailConference,
          previousStartsAt: conference.previousStartsAt ?? undefined,
          reason: conference.statusReason ?? '',
          ...links,
          zone: this.zone,
        });
        attachments.push(calendar('REQUEST'));
        break;
      case 'INVITATION_CANCELLED':
        mail = this.templates.render('invitation-cancelled', this.locale, {
          recipient,
          conference: mailConference,
          reason: conference.statusReason ?? '',
          zone: this.zone,
        });
        attachments.push(calendar('CANCEL'));
        break;
    }
    return {
      messageId: `<${delivery.id}@${this.domain}>`,
      to: { name: invitation.contactName, address: invitation.email },
      ...(conference.organizer ? { replyTo: { name: organizer.name, address: organizer.email } } : {}),
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments,
      headers: { 'X-Conference-Id': conference.id, 'X-Invitee-Id': invitation.inviteeId },
    };
  }
}

function fromAddress(): string {
  const from = process.env.MAIL_FROM ?? 'no-reply@pressconf.daklak.gov.vn';
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
