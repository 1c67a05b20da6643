import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hosts of each conference and the body issuing its letter, resolved from the registry at the call. Conferences
 * called before have none recorded: they stay empty (and null), as the events that announced them carried none.
 */
export class SchedulingConferenceHosts1795910000000 implements MigrationInterface {
  name = 'SchedulingConferenceHosts1795910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN hosts jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE conference ADD COLUMN issuer jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference DROP COLUMN issuer`);
    await q.query(`ALTER TABLE conference DROP COLUMN hosts`);
  }
}
