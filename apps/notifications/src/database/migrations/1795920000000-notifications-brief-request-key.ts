import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cause of a brief request's mail: the request's id, then the event that opened it again (its agency was
 * removed from the invitees and invited again), so that the agency is asked once per opening.
 */
export class NotificationsBriefRequestKey1795920000000 implements MigrationInterface {
  name = 'NotificationsBriefRequestKey1795920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE brief_request ADD COLUMN request_key uuid`);
    await q.query(`UPDATE brief_request SET request_key = id`);
    await q.query(`ALTER TABLE brief_request ALTER COLUMN request_key SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE brief_request DROP COLUMN request_key`);
  }
}
