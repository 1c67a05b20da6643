import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files now arrive whole in one HTTP request and are stored at once: the tables that held the parts of an upload
 * arriving over Kafka go. An upload left half-way in them can never finish, so nothing of them is kept.
 */
export class SubmissionsSingleRequestUploads1764600012000 implements MigrationInterface {
  name = 'SubmissionsSingleRequestUploads1764600012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE file_upload_part`);
    await q.query(`DROP TABLE file_upload`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_upload (
        id uuid PRIMARY KEY,
        target varchar(30) NOT NULL,
        target_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        part_count int NOT NULL,
        started_by varchar(200) NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX file_upload_started ON file_upload (started_at)`);
    await q.query(`
      CREATE TABLE file_upload_part (
        upload_id uuid NOT NULL REFERENCES file_upload (id) ON DELETE CASCADE,
        index int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (upload_id, index)
      )`);
  }
}
