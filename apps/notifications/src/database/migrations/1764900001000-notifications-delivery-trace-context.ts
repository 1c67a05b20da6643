import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trace of the event handling that queued a mail, which the delivery worker continues when it sends it. */
export class NotificationsDeliveryTraceContext1764900001000 implements MigrationInterface {
  name = 'NotificationsDeliveryTraceContext1764900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery ADD COLUMN trace_context jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery DROP COLUMN trace_context`);
  }
}
