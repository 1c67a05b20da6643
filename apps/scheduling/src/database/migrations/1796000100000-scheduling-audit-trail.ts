import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable, AuditedTable, unauditTable } from '@pressconf/messaging';

/** What scheduling's audit trail records: the registry, incidents, series, conferences and their invitees. */
export const SCHEDULING_AUDITED: readonly AuditedTable[] = [
  { table: 'agency', entityType: 'agency', ignore: ['created_at', 'updated_at'] },
  { table: 'incident', entityType: 'incident', ignore: ['created_at'] },
  { table: 'conference_series', entityType: 'series', ignore: ['created_at', 'updated_at', 'materialized_until'] },
  { table: 'conference', entityType: 'conference', statusColumn: 'status', ignore: ['created_at', 'updated_at'] },
  { table: 'participant', entityType: 'invitee', ignore: ['position'] },
];

export class SchedulingAuditTrail1796000100000 implements MigrationInterface {
  name = 'SchedulingAuditTrail1796000100000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of SCHEDULING_AUDITED) await auditTable(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of SCHEDULING_AUDITED) await unauditTable(q, table);
  }
}
