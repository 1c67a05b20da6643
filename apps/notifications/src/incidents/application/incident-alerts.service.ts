import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, IncidentDeadlineBreachedData, IncidentReportedData } from '@pressconf/contracts';
import { DeliveryQueue } from '../../delivery/application/delivery-queue';
import {
  AlertRecipient,
  alertRecipients,
  ConfiguredAddress,
  genericHostRecipient,
  HOST_ROLES,
  parseAddressList,
} from '../domain/alert-recipients';
import { IncidentProjection } from '../infrastructure/incident.entity';
import type { NotificationsConfig } from '../../config';
import { ConfigService } from '@nestjs/config';

/**
 * The alert to the hosts when an incident's 24 hours ran out with no conference called. No conference means no
 * participants, so the recipients are the configured HOST_ALERT_EMAILS plus the host contacts (co-host, standing
 * office, coordinator) invited to the most recently called conference: the current holders of those roles as
 * far as notifications knows, without reading scheduling's registry.
 */
@Injectable()
export class IncidentAlertsService {
  private readonly logger = new Logger(IncidentAlertsService.name);
  private readonly configured: ConfiguredAddress[] = parseAddressList(
    this.config.get('HOST_ALERT_EMAILS', { infer: true }),
  );
  private readonly generic = genericHostRecipient(this.config.get('MAIL_LOCALE', { infer: true }));

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly config: ConfigService<NotificationsConfig, true>,
  ) {}

  /** Kept for its title: the breach event carries only the id and the deadline. */
  async onReported(data: IncidentReportedData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(IncidentProjection)
      .values({
        id: data.incidentId,
        title: data.title,
        conveneBy: new Date(data.conveneBy),
        reportedAt: new Date(event.occurredAt),
      })
      .orIgnore()
      .execute();
  }

  async onDeadlineBreached(data: IncidentDeadlineBreachedData, tx: EntityManager, event: EventEnvelope): Promise<void> {
    const incident = await tx.findOneBy(IncidentProjection, { id: data.incidentId });
    if (!incident) {
      // Both events share the incident's partition, so this happens only if the report was dead-lettered.
      this.logger.warn(`deadline breached for incident ${data.incidentId}, whose report never arrived`);
      await tx.insert(IncidentProjection, {
        id: data.incidentId,
        title: data.incidentId,
        conveneBy: new Date(data.conveneBy),
        reportedAt: new Date(event.occurredAt),
      });
    }
    const recipients = alertRecipients(await this.knownHosts(tx), this.configured, this.generic);
    if (recipients.length === 0) {
      this.logger.error(
        `incident ${data.incidentId} passed its deadline and nobody can be alerted: set HOST_ALERT_EMAILS`,
      );
      return;
    }
    for (const recipient of recipients) {
      await this.queue.add(tx, {
        kind: 'INCIDENT_DEADLINE_BREACHED',
        cause: event.id,
        incidentId: data.incidentId,
        recipient: { name: recipient.name, email: recipient.email, agencyName: recipient.agencyName },
      });
    }
  }

  private async knownHosts(tx: EntityManager): Promise<AlertRecipient[]> {
    const rows: Array<{ contact_name: string; contact_title: string | null; agency_name: string; email: string }> =
      await tx.query(
        `SELECT DISTINCT ON (i.email) i.contact_name, i.contact_title, i.agency_name, i.email
           FROM invitation i
          WHERE i.conference_id = (SELECT id FROM conference ORDER BY letter_issued_at DESC, id LIMIT 1)
            AND i.role = ANY($1::text[])
          ORDER BY i.email, i.created_at`,
        [HOST_ROLES],
      );
    return rows.map((r) => ({
      name: r.contact_name,
      agencyName: r.agency_name,
      email: r.email,
      ...(r.contact_title ? { title: r.contact_title } : {}),
    }));
  }
}
