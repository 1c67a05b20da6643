import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What changes after the call need and the invitees' reminder: the conference's agenda (shown in mail, page,
 * calendar and letter), when its invitees are reminded and by which announcement of its time, invitations
 * withdrawn when an agency is removed, and a brief request's moved due time with the reminder that follows it.
 */
export class NotificationsChangesAndReminders1795840260237 implements MigrationInterface {
  name = 'NotificationsChangesAndReminders1795840260237';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN agenda jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE conference ADD COLUMN remind_at timestamptz`);
    await q.query(`ALTER TABLE conference ADD COLUMN reminder_key uuid`);
    await q.query(
      `CREATE INDEX conference_reminder ON conference (remind_at) WHERE status IN ('CALLED', 'RESCHEDULED')`,
    );
    await q.query(`ALTER TABLE invitation ADD COLUMN withdrawn_at timestamptz`);
    await q.query(`ALTER TABLE brief_request ADD COLUMN previous_due_at timestamptz`);
    // The first due time of a request is reminded under the request's id, as before this column.
    await q.query(`ALTER TABLE brief_request ADD COLUMN reminder_key uuid`);
    await q.query(`UPDATE brief_request SET reminder_key = id`);
    await q.query(`ALTER TABLE brief_request ALTER COLUMN reminder_key SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE brief_request DROP COLUMN reminder_key`);
    await q.query(`ALTER TABLE brief_request DROP COLUMN previous_due_at`);
    await q.query(`ALTER TABLE invitation DROP COLUMN withdrawn_at`);
    await q.query(`DROP INDEX conference_reminder`);
    await q.query(`ALTER TABLE conference DROP COLUMN reminder_key`);
    await q.query(`ALTER TABLE conference DROP COLUMN remind_at`);
    await q.query(`ALTER TABLE conference DROP COLUMN agenda`);
  }
}
