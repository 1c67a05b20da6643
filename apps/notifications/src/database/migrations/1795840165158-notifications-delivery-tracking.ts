import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What GET /deliveries shows of every message and POST /deliveries/{id}/resend needs: when the last attempt began,
 * and the resends by hand (how many, when, by whom, and the attempts made before the latest, from which the retry
 * policy counts again). Listed newest first, hence the index on the creation time.
 */
export class NotificationsDeliveryTracking1795840165158 implements MigrationInterface {
  name = 'NotificationsDeliveryTracking1795840165158';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery ADD COLUMN last_attempt_at timestamptz`);
    await q.query(`ALTER TABLE delivery ADD COLUMN resends int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE delivery ADD COLUMN resent_at timestamptz`);
    await q.query(`ALTER TABLE delivery ADD COLUMN resent_by varchar(200)`);
    await q.query(`ALTER TABLE delivery ADD COLUMN attempts_before_resend int NOT NULL DEFAULT 0`);
    // Earlier rows knew only when a message was accepted.
    await q.query(`UPDATE delivery SET last_attempt_at = sent_at WHERE sent_at IS NOT NULL`);
    await q.query(`CREATE INDEX delivery_recent ON delivery (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX delivery_recent`);
    await q.query(`ALTER TABLE delivery DROP COLUMN attempts_before_resend`);
    await q.query(`ALTER TABLE delivery DROP COLUMN resent_by`);
    await q.query(`ALTER TABLE delivery DROP COLUMN resent_at`);
    await q.query(`ALTER TABLE delivery DROP COLUMN resends`);
    await q.query(`ALTER TABLE delivery DROP COLUMN last_attempt_at`);
  }
}
