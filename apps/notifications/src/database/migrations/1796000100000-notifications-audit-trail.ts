import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable, AuditedTable, unauditTable } from '@pressconf/messaging';

/**
 * What notifications' audit trail records: the answers given through the invitations' pages (the invitation is
 * the actor), the deliveries someone queued again, and the webhook subscriptions (their secrets as hashes). The
 * sending itself is not a change of anyone's making: the deliveries' log (GET /deliveries) tells it.
 */
export const NOTIFICATIONS_AUDITED: readonly AuditedTable[] = [
  {
    table: 'invitation',
    entityType: 'invitation',
    operations: ['UPDATE'],
    updateOf: ['rsvp', 'delegate_name', 'delegate_title'],
    verb: 'answered',
    rowActs: true,
    hash: ['token_hash', 'previous_token_hash'],
  },
  {
    table: 'delivery',
    entityType: 'delivery',
    operations: ['UPDATE'],
    updateOf: ['resends'],
    verb: 'resent',
    ignore: ['locked_until', 'next_attempt_at', 'trace_context'],
  },
  {
    table: 'webhook_subscription',
    entityType: 'webhook-subscription',
    hash: ['secret', 'previous_secret'],
    ignore: ['updated_at', 'failing_since'],
  },
];

export class NotificationsAuditTrail1796000100000 implements MigrationInterface {
  name = 'NotificationsAuditTrail1796000100000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of NOTIFICATIONS_AUDITED) await auditTable(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of NOTIFICATIONS_AUDITED) await unauditTable(q, table);
  }
}
