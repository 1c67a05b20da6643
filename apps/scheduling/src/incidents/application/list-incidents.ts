import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { IncidentView, ListIncidentsQuery, Page, ValidationFailedError } from '@pressconf/contracts';
import { conveningStatusSql } from '../domain/convening';
import { IncidentEntity } from '../infrastructure/incident.entity';
import { incidentViews } from './incident-views';

/** The first call of each incident's conferences, beside the incident (one row per incident). */
const FROM = `
  FROM incident i
  LEFT JOIN LATERAL (
    SELECT c.called_at FROM conference c
     WHERE c.incident_id = i.id AND c.called_at IS NOT NULL
     ORDER BY c.called_at LIMIT 1
  ) first_call ON true`;

/** GET /incidents: newest detection first, filtered by where each stands against the 24-hour rule. */
@Injectable()
export class ListIncidents {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListIncidentsQuery, now = new Date()): Promise<Page<IncidentView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const from = query.from ? new Date(query.from) : null;
    const to = query.to ? new Date(query.to) : null;
    if (from && to && to < from) {
      throw new ValidationFailedError([{ field: 'to', message: 'to must not be before from' }]);
    }
    const where = `
      WHERE ($1::timestamptz IS NULL OR i.detected_at >= $1)
        AND ($2::timestamptz IS NULL OR i.detected_at < $2)
        AND ($3::text IS NULL OR ${conveningStatusSql('i.convene_by', 'first_call.called_at', '$4::timestamptz')} = $3)`;
    const params = [from, to, query.status ?? null, now];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<Array<{ id: string }>>(
        `SELECT i.id ${FROM} ${where} ORDER BY i.detected_at DESC, i.id LIMIT $5 OFFSET $6`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total ${FROM} ${where}`, params),
    ]);
    const ids = rows.map((r) => r.id);
    const incidents = ids.length ? await this.dataSource.manager.findBy(IncidentEntity, { id: In(ids) }) : [];
    const ordered = ids.map((id) => incidents.find((i) => i.id === id)!);
    return { items: await incidentViews(this.dataSource.manager, ordered, now), page, pageSize, total };
  }
}
