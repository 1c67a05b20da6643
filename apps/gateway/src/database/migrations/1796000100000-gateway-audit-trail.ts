import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable, AuditedTable, unauditTable } from '@pressconf/messaging';

/** API keys in the gateway's trail: made, renamed, revoked (each use, `last_used_at`, is not a change). */
export const GATEWAY_AUDITED: readonly AuditedTable[] = [
  {
    table: 'api_key',
    entityType: 'api-key',
    updateOf: ['name', 'role', 'agency_id', 'prefix', 'hash', 'revoked_at'],
    hash: ['hash'],
  },
];

export class GatewayAuditTrail1796000100000 implements MigrationInterface {
  name = 'GatewayAuditTrail1796000100000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of GATEWAY_AUDITED) await auditTable(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of GATEWAY_AUDITED) await unauditTable(q, table);
  }
}
