import { MigrationInterface, QueryRunner } from 'typeorm';

/** Obstacle reports and information offered by agencies (plan IV.2, IV.4 and the end of section IV). */
export class SubmissionsObstacleReportsAndOffers1795854000000 implements MigrationInterface {
  name = 'SubmissionsObstacleReportsAndOffers1795854000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE obstacle_report (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        conference_id uuid,
        title varchar(500) NOT NULL,
        description text NOT NULL,
        proposal text,
        status varchar(20) NOT NULL,
        reported_at timestamptz NOT NULL,
        reported_by varchar(200) NOT NULL,
        note text,
        forwarded_at timestamptz,
        forwarded_by varchar(200),
        resolution text,
        resolved_at timestamptz,
        resolved_by varchar(200),
        CONSTRAINT obstacle_report_pkey PRIMARY KEY (id),
        CONSTRAINT obstacle_report_status CHECK (status IN ('OPEN', 'FORWARDED', 'RESOLVED'))
      )`);
    await q.query(`CREATE INDEX obstacle_report_by_agency ON obstacle_report (agency_id, reported_at)`);
    await q.query(`CREATE INDEX obstacle_report_recent ON obstacle_report (reported_at, id)`);
    await q.query(`
      CREATE TABLE information_offer (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        title varchar(500) NOT NULL,
        summary text NOT NULL,
        topics jsonb NOT NULL DEFAULT '[]',
        urgent boolean NOT NULL DEFAULT false,
        status varchar(30) NOT NULL,
        offered_at timestamptz NOT NULL,
        offered_by varchar(200) NOT NULL,
        decision varchar(30),
        decided_at timestamptz,
        decided_by varchar(200),
        conference_id uuid,
        brief_request_id uuid,
        comment text,
        CONSTRAINT information_offer_pkey PRIMARY KEY (id),
        CONSTRAINT information_offer_status
          CHECK (status IN ('OFFERED', 'INCLUDED', 'CALLED_EXTRAORDINARY', 'DECLINED'))
      )`);
    await q.query(`CREATE INDEX information_offer_by_agency ON information_offer (agency_id, offered_at)`);
    await q.query(`CREATE INDEX information_offer_recent ON information_offer (offered_at, id)`);
    // The same bytes attached twice to one offer are one attachment: a retried upload stores nothing new.
    await q.query(`
      CREATE TABLE information_offer_attachment (
        id uuid NOT NULL,
        offer_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by varchar(200) NOT NULL,
        CONSTRAINT information_offer_attachment_pkey PRIMARY KEY (id),
        CONSTRAINT information_offer_attachment_once UNIQUE (offer_id, sha256),
        CONSTRAINT information_offer_attachment_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES information_offer (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE information_offer_attachment`);
    await q.query(`DROP TABLE information_offer`);
    await q.query(`DROP TABLE obstacle_report`);
  }
}
