import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hosts of each conference and the body issuing its letter, as scheduling's call announced them: mail, page and
 * letter name the hosts, and a host reads only its conferences. Conferences called before keep none (the organiser
 * stands for the hosts, as it did).
 */
export class NotificationsConferenceHosts1795910000000 implements MigrationInterface {
  name = 'NotificationsConferenceHosts1795910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN hosts jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE conference ADD COLUMN issuer jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference DROP COLUMN issuer`);
    await q.query(`ALTER TABLE conference DROP COLUMN hosts`);
  }
}
