import { DataSource } from 'typeorm';
import { AuditActorRole, AuditEventView, AuditSlice, AuditSliceQuery } from '@pressconf/contracts';

interface AuditRow {
  id: string;
  occurred_at: string;
  actor_role: AuditActorRole;
  actor_subject: string;
  actor_agency_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  correlation_id: string | null;
  changes: AuditEventView['changes'];
}

/** Column names as the API names fields: `duration_minutes` → `durationMinutes`. */
function fieldsOf(changes: AuditEventView['changes']): AuditEventView['changes'] {
  return Object.fromEntries(
    Object.entries(changes).map(([column, change]) => [
      column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
      change,
    ]),
  );
}

/** The WHERE clause of the filters (each served by an index of AuditTrail1796000000000) and its parameters. */
function whereOf(query: AuditSliceQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (query.entityType) add('entity_type = ?', query.entityType);
  if (query.entityId) add('entity_id = ?', query.entityId);
  if (query.actorSubject) add('actor_subject = ?', query.actorSubject);
  if (query.action) add('action = ?', query.action);
  if (query.from) add('occurred_at >= ?::timestamptz', query.from);
  if (query.to) add('occurred_at <= ?::timestamptz', query.to);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** A service's own audit trail, read newest first in slices for the gateway to merge with the others. */
export class AuditEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: AuditEventView['service'],
  ) {}

  async slice(query: AuditSliceQuery): Promise<AuditSlice> {
    const { where, params } = whereOf(query);
    const rowsParams = [...params];
    let condition = where;
    if (query.before) {
      const [occurredAt, id] = query.before.split('|');
      rowsParams.push(occurredAt, id);
      const cursor = `(occurred_at, id) < ($${rowsParams.length - 1}::timestamptz, $${rowsParams.length}::uuid)`;
      condition = where ? `${where} AND ${cursor}` : `WHERE ${cursor}`;
    }
    rowsParams.push(query.limit ?? 100);
    // The page and the count on two pooled connections at once: the count of a wide query is the slower half.
    const [rows, counted] = await Promise.all([
      this.dataSource.query<AuditRow[]>(
        `SELECT id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
                actor_role, actor_subject, actor_agency_id, action, entity_type, entity_id, correlation_id, changes
           FROM audit_event ${condition}
          ORDER BY occurred_at DESC, id DESC
          LIMIT $${rowsParams.length}`,
        rowsParams,
      ),
      query.count === 'true'
        ? this.dataSource.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM audit_event ${where}`, params)
        : undefined,
    ]);
    const items = rows.map((row) => this.view(row));
    return counted ? { items, total: Number(counted[0].total) } : { items };
  }

  private view(row: AuditRow): AuditEventView {
    return {
      id: row.id,
      occurredAt: row.occurred_at,
      actor: {
        role: row.actor_role,
        subject: row.actor_subject,
        ...(row.actor_agency_id ? { agencyId: row.actor_agency_id } : {}),
      },
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
      changes: fieldsOf(row.changes),
      service: this.service,
    };
  }
}
