import { MigrationInterface, QueryRunner } from 'typeorm';

/** Briefs with their versions, reviews and files; orientation documents; file uploads in parts; briefing packs. */
export class SubmissionsBriefs1764200004000 implements MigrationInterface {
  name = 'SubmissionsBriefs1764200004000';

  async up(q: QueryRunner): Promise<void> {
    // The pack's cover page names the venue and the topics.
    await q.query(`
      ALTER TABLE conference
        ADD COLUMN venue varchar(500) NOT NULL DEFAULT '',
        ADD COLUMN topics jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      ALTER TABLE brief_request
        ADD COLUMN representatives jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN closed_reason varchar(30),
        ADD COLUMN closing_note text`);
    await q.query(`
      CREATE TABLE brief (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL UNIQUE REFERENCES brief_request (id),
        current_version int NOT NULL,
        submitted_version int,
        accepted_version int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE brief_version (
        brief_id uuid NOT NULL REFERENCES brief (id),
        version int NOT NULL,
        title varchar(500) NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        document_number varchar(100),
        issued_at timestamptz,
        signed_by varchar(300),
        saved_at timestamptz NOT NULL DEFAULT now(),
        saved_by varchar(200) NOT NULL,
        PRIMARY KEY (brief_id, version)
      )`);
    await q.query(`
      CREATE TABLE brief_review (
        id uuid PRIMARY KEY,
        brief_id uuid NOT NULL REFERENCES brief (id),
        version int NOT NULL,
        decision varchar(10) NOT NULL,
        comment text,
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by varchar(200) NOT NULL
      )`);
    await q.query(`CREATE INDEX brief_review_by_brief ON brief_review (brief_id, reviewed_at)`);
    // The same bytes attached twice to one brief are one attachment: a retried upload stores nothing new.
    await q.query(`
      CREATE TABLE brief_attachment (
        id uuid PRIMARY KEY,
        brief_id uuid NOT NULL REFERENCES brief (id),
        brief_version int NOT NULL,
        file_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by varchar(200) NOT NULL,
        CONSTRAINT brief_attachment_once UNIQUE (brief_id, sha256)
      )`);
    await q.query(`
      CREATE TABLE orientation_document (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL REFERENCES conference (id),
        title varchar(500) NOT NULL,
        summary text,
        file_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by varchar(200) NOT NULL,
        CONSTRAINT orientation_document_once UNIQUE (conference_id, sha256)
      )`);
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
    await q.query(`
      CREATE TABLE briefing_pack (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL REFERENCES conference (id),
        version int NOT NULL,
        fingerprint char(64) NOT NULL,
        brief_ids jsonb NOT NULL,
        orientation_document_ids jsonb NOT NULL,
        page_count int NOT NULL,
        pdf bytea NOT NULL,
        pdf_size int NOT NULL,
        pdf_sha256 char(64) NOT NULL,
        json bytea NOT NULL,
        json_sha256 char(64) NOT NULL,
        compiled_at timestamptz NOT NULL DEFAULT now(),
        compiled_by varchar(200) NOT NULL,
        CONSTRAINT briefing_pack_version UNIQUE (conference_id, version)
      )`);
    // PDF, DOCX, PNG and JPEG are compressed already; stored uncompressed, a byte range is read without
    // reading the whole value.
    for (const [table, column] of [
      ['brief_attachment', 'content'],
      ['orientation_document', 'content'],
      ['briefing_pack', 'pdf'],
    ]) {
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET STORAGE EXTERNAL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE briefing_pack`);
    await q.query(`DROP TABLE file_upload_part`);
    await q.query(`DROP TABLE file_upload`);
    await q.query(`DROP TABLE orientation_document`);
    await q.query(`DROP TABLE brief_attachment`);
    await q.query(`DROP TABLE brief_review`);
    await q.query(`DROP TABLE brief_version`);
    await q.query(`DROP TABLE brief`);
    await q.query(
      `ALTER TABLE brief_request DROP COLUMN representatives, DROP COLUMN closed_reason, DROP COLUMN closing_note`,
    );
    await q.query(`ALTER TABLE conference DROP COLUMN venue, DROP COLUMN topics`);
  }
}
