import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { MailRecipient, MailTemplateName, MailTemplates, RenderedMail } from '../../rendering';
import { BriefRequestProjection } from '../../briefs/infrastructure/brief-request.entity';
import { IncidentProjection } from '../../incidents/infrastructure/incident.entity';
import { ConferenceSnapshot } from '../../invitations/infrastructure/conference-snapshot.entity';
import { InvitationEntity } from '../../invitations/infrastructure/invitation.entity';
import type { DeliveryKind } from '../domain/delivery-kind';
import { reasonNotToSend } from '../domain/send-rules';
import { DeliveryEntity } from '../infrastructure/delivery.entity';
import { OutgoingAttachment, OutgoingMessage } from './channel';
import { briefSubmitUrl, briefingPackUrl, incidentUrl, publicBaseUrl } from './links';
import { type NotificationsConfig } from '../../config';
import { ConfigService } from '@nestjs/config';
import { mailConference } from './invitation-documents';
import { InviteeMail, isInviteeMail } from './invitee-mail';
import { PlanMailRenderer } from '../../plan-mail/application/plan-mail-renderer';
import { WebhookDisabledMail } from '../../webhooks/application/webhook-disabled-mail';

/** The mail about a brief request, by kind: every one shows the request's current due time. */
const BRIEF_TEMPLATES = {
  BRIEF_REQUEST: 'brief-request',
  BRIEF_REMINDER: 'brief-reminder',
  BRIEF_OVERDUE: 'brief-overdue',
  BRIEF_DUE_MOVED: 'brief-due-moved',
} as const satisfies Partial<Record<DeliveryKind, MailTemplateName>>;

/** A message ready for its channel, or the reason it must not go out any more. */
export type Composition = { message: OutgoingMessage } | { skip: string };

/** What notifications knows now about a round of deliveries: their conferences, invitations and brief requests. */
export interface SendTimeState {
  conferences: Map<string, ConferenceSnapshot>;
  invitations: Map<string, InvitationEntity>;
  briefRequests: Map<string, BriefRequestProjection>;
}

interface Sources {
  delivery: DeliveryEntity;
  conference: ConferenceSnapshot | null;
  invitation: InvitationEntity | null;
  briefRequest: BriefRequestProjection | null;
  recipient: MailRecipient;
}

/**
 * Renders a delivery into a message at send time, from what notifications knows now: the conference's current
 * times, the invitee's current answer, the brief request's current state. What no longer applies (anything but
 * the cancellation notice of a cancelled conference, a reminder to someone who has answered) is skipped.
 */
@Injectable()
export class MessageComposer {
  private readonly zone = this.config.get('TZ_DISPLAY', { infer: true });
  private readonly domain = new URL(publicBaseUrl()).hostname;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
    private readonly config: ConfigService<NotificationsConfig, true>,
    private readonly inviteeMail: InviteeMail,
    private readonly planMail: PlanMailRenderer,
    private readonly webhookMail: WebhookDisabledMail,
  ) {}

  /**
   * Reads what a round of deliveries is made from in one query per kind of source, not per mail: a call's fan-out
   * is a round of invitations to one conference.
   */
  async load(deliveries: DeliveryEntity[]): Promise<SendTimeState> {
    const ids = (pick: (delivery: DeliveryEntity) => string | null) => [
      ...new Set(deliveries.map(pick).filter((id): id is string => id !== null)),
    ];
    const byId = async <T extends { id: string }>(entity: new () => T, wanted: string[]) => {
      if (wanted.length === 0) return new Map<string, T>();
      const rows = await this.dataSource.manager.findBy(entity, { id: In(wanted) } as FindOptionsWhere<T>);
      return new Map(rows.map((row) => [row.id, row]));
    };
    return {
      conferences: await byId(
        ConferenceSnapshot,
        ids((d) => d.conferenceId),
      ),
      invitations: await byId(
        InvitationEntity,
        ids((d) => d.invitationId),
      ),
      briefRequests: await byId(
        BriefRequestProjection,
        ids((d) => d.briefRequestId),
      ),
    };
  }

  async compose(delivery: DeliveryEntity, state: SendTimeState, now: Date = new Date()): Promise<Composition> {
    const conference = delivery.conferenceId ? known(state.conferences, delivery.conferenceId, 'conference') : null;
    const invitation = delivery.invitationId ? known(state.invitations, delivery.invitationId, 'invitation') : null;
    const briefRequest = delivery.briefRequestId ? (state.briefRequests.get(delivery.briefRequestId) ?? null) : null;
    const skip = reasonNotToSend(
      delivery.kind,
      {
        ...(conference ? { conference } : {}),
        ...(invitation ? { rsvp: invitation.rsvp, withdrawn: invitation.withdrawnAt !== null } : {}),
        ...(briefRequest ? { briefRequest } : {}),
      },
      now,
    );
    if (skip) return { skip };

    const recipient: MailRecipient = invitation
      ? { name: invitation.contactName, agencyName: invitation.agencyName, title: invitation.contactTitle ?? undefined }
      : { name: delivery.recipientName, agencyName: delivery.recipientAgency ?? '' };
    const { mail, attachments } = await this.render({ delivery, conference, invitation, briefRequest, recipient });
    const organizer = conference?.organizer;
    return {
      message: {
        messageId: `<${delivery.id}@${this.domain}>`,
        to: { name: recipient.name, address: delivery.email },
        ...(organizer ? { replyTo: { name: organizer.agencyName, address: organizer.email } } : {}),
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments,
        headers: {
          ...(conference ? { 'X-Conference-Id': conference.id } : {}),
          ...(invitation ? { 'X-Invitee-Id': invitation.inviteeId } : {}),
          ...(delivery.incidentId ? { 'X-Incident-Id': delivery.incidentId } : {}),
          'X-Notification-Kind': delivery.kind,
        },
      },
    };
  }

  private async render(sources: Sources): Promise<{ mail: RenderedMail; attachments: OutgoingAttachment[] }> {
    const { delivery, recipient } = sources;
    // Each message in its recipient's language, as queued (an invitee's is their invitation's).
    const locale = delivery.locale;
    const base = { recipient, zone: this.zone };
    if (isInviteeMail(delivery.kind)) {
      return this.inviteeMail.render({
        kind: delivery.kind,
        conference: required(sources.conference, 'conference'),
        invitation: required(sources.invitation, 'invitation'),
        recipient,
        locale,
        zone: this.zone,
      });
    }
    switch (delivery.kind) {
      case 'BRIEF_REQUEST':
      case 'BRIEF_REMINDER':
      case 'BRIEF_OVERDUE':
      case 'BRIEF_DUE_MOVED': {
        const conference = required(sources.conference, 'conference');
        const request = required(sources.briefRequest, 'brief request');
        const mail = this.templates.render(BRIEF_TEMPLATES[delivery.kind], locale, {
          ...base,
          conference: mailConference(conference),
          dueAt: request.dueAt,
          previousDueAt: request.previousDueAt ?? undefined,
          submitUrl: briefSubmitUrl(request.id),
        });
        return { mail, attachments: [] };
      }
      case 'BRIEFING_PACK': {
        const conference = required(sources.conference, 'conference');
        const mail = this.templates.render('briefing-pack', locale, {
          ...base,
          conference: mailConference(conference),
          packUrl: briefingPackUrl(conference.id),
          // The pack is embargoed until the start for everyone but the hosts; hosts learn when the others may read.
          availableFrom: conference.startsAt,
        });
        return { mail, attachments: [] };
      }
      case 'INCIDENT_DEADLINE_BREACHED': {
        const incidentId = required(delivery.incidentId, 'incident id');
        const incident = await this.dataSource.manager.findOneByOrFail(IncidentProjection, { id: incidentId });
        const mail = this.templates.render('incident-deadline-breached', locale, {
          ...base,
          incident: {
            title: incident.title,
            // conveneBy is by definition detection + 24 hours (BRIEF.md), so the detection time follows from it.
            detectedAt: new Date(incident.conveneBy.getTime() - 24 * 3_600_000),
            conveneBy: incident.conveneBy,
          },
          incidentUrl: incidentUrl(incidentId),
        });
        return { mail, attachments: [] };
      }
      case 'OBSTACLE_REPORT_RECEIVED':
      case 'OBSTACLE_REPORT_FORWARDED':
      case 'OBSTACLE_REPORT_TO_LEADERSHIP':
      case 'OBSTACLE_REPORT_RESOLVED':
      case 'INFORMATION_OFFER_DECIDED':
        return { mail: await this.planMail.render(delivery, locale, base), attachments: [] };
      case 'WEBHOOK_DISABLED':
        return { mail: await this.webhookMail.render(delivery, locale, base), attachments: [] };
    }
  }
}

function known<T>(rows: Map<string, T>, id: string, what: string): T {
  const row = rows.get(id);
  if (!row) throw new Error(`no ${what} ${id} is known`);
  return row;
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the delivery names no ${what}`);
  return value;
}
