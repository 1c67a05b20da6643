import { MigrationInterface, QueryRunner } from 'typeorm';

export class SubmissionsInitial1764100002000 implements MigrationInterface {
  name = 'SubmissionsInitial1764100002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY,
        kind varchar(20) NOT NULL,
        title varchar(500) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status varchar(20) NOT NULL,
        sequence int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE brief_request (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL REFERENCES conference (id),
        agency_id uuid NOT NULL,
        agency_name varchar(300) NOT NULL,
        due_at timestamptz NOT NULL,
        status varchar(20) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT brief_request_once UNIQUE (conference_id, agency_id)
      )`);
    await q.query(`CREATE INDEX brief_request_open_due ON brief_request (due_at) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE brief_request`);
    await q.query(`DROP TABLE conference`);
  }
}
