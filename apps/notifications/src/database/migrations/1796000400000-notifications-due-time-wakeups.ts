import { MigrationInterface, QueryRunner } from 'typeorm';
import { wakeOnUpdateOf } from '@pressconf/messaging';

/**
 * A due time set on queued mail or a webhook delivery (a retry, a resend, a subscription back on) wakes the workers
 * too, so that they can sleep until the next due time instead of polling for it.
 */
export class NotificationsDueTimeWakeups1796000400000 implements MigrationInterface {
  name = 'NotificationsDueTimeWakeups1796000400000';

  async up(q: QueryRunner): Promise<void> {
    await wakeOnUpdateOf(q, 'delivery', 'next_attempt_at');
    await wakeOnUpdateOf(q, 'webhook_delivery', 'next_attempt_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS webhook_delivery_next_attempt_at_wakeup ON webhook_delivery`);
    await q.query(`DROP TRIGGER IF EXISTS delivery_next_attempt_at_wakeup ON delivery`);
  }
}
