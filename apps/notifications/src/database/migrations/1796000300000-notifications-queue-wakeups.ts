import { MigrationInterface, QueryRunner } from 'typeorm';
import { wakeOnInsert } from '@pressconf/messaging';

/** Queued mail and webhook deliveries wake their workers at commit (TableWakeups), in every replica. */
export class NotificationsQueueWakeups1796000300000 implements MigrationInterface {
  name = 'NotificationsQueueWakeups1796000300000';

  async up(q: QueryRunner): Promise<void> {
    await wakeOnInsert(q, 'delivery');
    await wakeOnInsert(q, 'webhook_delivery');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS webhook_delivery_wakeup ON webhook_delivery`);
    await q.query(`DROP TRIGGER IF EXISTS delivery_wakeup ON delivery`);
  }
}
