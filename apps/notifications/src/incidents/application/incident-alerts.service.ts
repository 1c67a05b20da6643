import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, IncidentDeadlineBreachedData, IncidentReportedData } from '@pressconf/contracts';
import { DeliveryQueue } from '../../delivery/application/delivery-queue';
import { alertRecipients, ConfiguredAddress, parseAddressList, registryHosts } from '../domain/alert-recipients';
import { IncidentProjection } from '../infrastructure/incident.entity';
import type { NotificationsConfig } from '../../config';
import { ConfigService } from '@nestjs/config';

/**
 * The alert to the hosts when an incident's 24 hours ran out with no conference called. No conference means no
 * participants: the recipients are the host contacts (co-host, standing office, coordinator) that scheduling took
 * from its registry into the breach event, plus the configured HOST_ALERT_EMAILS.
 */
@Injectable()
export class IncidentAlertsService {
  private readonly logger = new Logger(IncidentAlertsService.name);
  private readonly configured: ConfiguredAddress[] = parseAddressList(
    this.config.get('HOST_ALERT_EMAILS', { infer: true }),
  );

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
    const recipients = alertRecipients(registryHosts(data), this.configured);
    if (recipients.length === 0) {
      this.logger.error(
        `incident ${data.incidentId} passed its deadline and nobody can be alerted: give the registry's host ` +
          'agencies a contact with an address, or set HOST_ALERT_EMAILS',
      );
      return;
    }
    for (const recipient of recipients) {
      await this.queue.add(tx, {
        kind: 'INCIDENT_DEADLINE_BREACHED',
        cause: event.id,
        incidentId: data.incidentId,
        recipient: {
          name: recipient.name,
          email: recipient.email,
          agencyName: recipient.agencyName,
          locale: recipient.locale,
        },
      });
    }
  }
}
