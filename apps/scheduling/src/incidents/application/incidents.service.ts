import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  EventTypes,
  IncidentView,
  NotFoundError,
  ReportIncidentDto,
  ValidationFailedError,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { AgencyEntity } from '../../agencies/infrastructure/agency.entity';
import { conveneByOf } from '../../conferences/domain/conference-rules';
import { IncidentEntity } from '../infrastructure/incident.entity';
import { registryHosts } from './registry-hosts';
import { incidentViews } from './incident-views';

@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async report(dto: ReportIncidentDto): Promise<IncidentView> {
    return this.dataSource.transaction((tx) => this.reportIn(tx, dto));
  }

  /** Reports an incident in the caller's transaction (an event handler's, which records the event as handled). */
  async reportIn(tx: EntityManager, dto: ReportIncidentDto): Promise<IncidentView> {
    const occurredAt = new Date(dto.occurredAt);
    const detectedAt = dto.detectedAt ? new Date(dto.detectedAt) : new Date();
    if (detectedAt < occurredAt) {
      throw new ValidationFailedError([{ field: 'detectedAt', message: 'detectedAt must not be before occurredAt' }]);
    }
    const agencyIds = [...new Set(dto.agencyIds)];
    const known = agencyIds.length ? await tx.countBy(AgencyEntity, { id: In(agencyIds) }) : 0;
    if (known !== agencyIds.length) {
      throw new ValidationFailedError([
        { field: 'agencyIds', message: 'every agencyIds entry must be a registered agency' },
      ]);
    }
    const incident = tx.create(IncidentEntity, {
      id: randomUUID(),
      title: dto.title.trim(),
      description: dto.description.trim(),
      occurredAt,
      detectedAt,
      topics: dto.topics.map((t) => t.trim()),
      agencyIds,
      conveneBy: conveneByOf(detectedAt),
      breachReportedAt: null,
    });
    await tx.insert(IncidentEntity, incident);
    await this.outbox.add(tx, EventTypes.incidentReported, incident.id, {
      incidentId: incident.id,
      title: incident.title,
      topics: incident.topics,
      agencyIds: incident.agencyIds,
      conveneBy: incident.conveneBy.toISOString(),
    });
    return this.view(tx, incident);
  }

  async get(id: string): Promise<IncidentView> {
    const incident = await this.dataSource.manager.findOneBy(IncidentEntity, { id });
    if (!incident) throw new NotFoundError('Incident', id);
    return this.view(this.dataSource.manager, incident);
  }

  /**
   * Emits `deadline-breached` once for each incident whose `conveneBy` has passed with no conference called.
   * The mark and the event share a transaction, so a restart neither loses nor repeats it.
   */
  async reportBreachedDeadlines(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due: IncidentEntity[] = await tx
        .createQueryBuilder(IncidentEntity, 'i')
        .where('i.breach_reported_at IS NULL')
        .andWhere('i.convene_by < :now', { now })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM conference c WHERE c.incident_id = i.id AND c.called_at IS NOT NULL AND c.called_at <= i.convene_by)`,
        )
        .orderBy('i.convene_by', 'ASC')
        .limit(100)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      // Whom notifications alerts: it does not know the registry, and no conference may ever have been called.
      const hosts = due.length > 0 ? await registryHosts(tx, now) : [];
      for (const incident of due) {
        incident.breachReportedAt = now;
        await tx.save(incident);
        await this.outbox.add(tx, EventTypes.incidentDeadlineBreached, incident.id, {
          incidentId: incident.id,
          conveneBy: incident.conveneBy.toISOString(),
          hosts,
        });
      }
      return due.length;
    });
  }

  private async view(tx: EntityManager, incident: IncidentEntity): Promise<IncidentView> {
    const [view] = await incidentViews(tx, [incident]);
    return view;
  }
}
