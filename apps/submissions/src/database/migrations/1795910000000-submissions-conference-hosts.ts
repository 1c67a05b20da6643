import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hosts of each conference, as scheduling's call named them: a host reads only its conferences, and the co-host
 * and the police add orientation documents. Each orientation document records the body it comes from; documents
 * added before have none.
 */
export class SubmissionsConferenceHosts1795910000000 implements MigrationInterface {
  name = 'SubmissionsConferenceHosts1795910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN hosts jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE orientation_document ADD COLUMN source_agency_id uuid`);
    await q.query(`ALTER TABLE orientation_document ADD COLUMN source_agency_name varchar(300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orientation_document DROP COLUMN source_agency_name`);
    await q.query(`ALTER TABLE orientation_document DROP COLUMN source_agency_id`);
    await q.query(`ALTER TABLE conference DROP COLUMN hosts`);
  }
}
