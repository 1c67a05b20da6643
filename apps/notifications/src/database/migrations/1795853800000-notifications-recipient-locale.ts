import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's language (`vi` or `en`, from their contact in the events): the invitation keeps its invitee's, and
 * each delivery the one its message is written in. What was queued before is Vietnamese, as it was sent.
 */
export class NotificationsRecipientLocale1795853800000 implements MigrationInterface {
  name = 'NotificationsRecipientLocale1795853800000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['invitation', 'delivery']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN locale varchar(5) NOT NULL DEFAULT 'vi'`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_locale CHECK (locale IN ('vi', 'en'))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['delivery', 'invitation']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_locale`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN locale`);
    }
  }
}
