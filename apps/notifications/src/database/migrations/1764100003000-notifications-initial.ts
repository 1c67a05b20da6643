import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInitial1764100003000 implements MigrationInterface {
  name = 'NotificationsInitial1764100003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY,
        kind varchar(20) NOT NULL,
        title varchar(500) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue varchar(500) NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        status varchar(20) NOT NULL,
        sequence int NOT NULL,
        organizer jsonb,
        letter_number varchar(60) NOT NULL,
        letter_issued_at timestamptz NOT NULL,
        status_reason text,
        previous_starts_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE document_counter (
        issuer varchar(60) NOT NULL,
        year int NOT NULL,
        last_number int NOT NULL,
        PRIMARY KEY (issuer, year)
      )`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL REFERENCES conference (id),
        invitee_id uuid NOT NULL UNIQUE,
        agency_id uuid NOT NULL,
        agency_name varchar(300) NOT NULL,
        role varchar(40) NOT NULL,
        contact_name varchar(200) NOT NULL,
        contact_title varchar(200),
        email varchar(320) NOT NULL,
        token varchar(100) NOT NULL UNIQUE,
        rsvp varchar(20) NOT NULL DEFAULT 'PENDING',
        delegate_name varchar(200),
        delegate_title varchar(200),
        rsvp_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitation_conference ON invitation (conference_id)`);
    await q.query(`
      CREATE TABLE delivery (
        id uuid PRIMARY KEY,
        kind varchar(40) NOT NULL,
        channel varchar(20) NOT NULL DEFAULT 'EMAIL',
        source_event_id uuid NOT NULL,
        conference_id uuid NOT NULL,
        invitation_id uuid REFERENCES invitation (id),
        recipient_name varchar(200) NOT NULL,
        email varchar(320) NOT NULL,
        sequence int NOT NULL DEFAULT 0,
        status varchar(20) NOT NULL DEFAULT 'PENDING',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        smtp_response text,
        message_id varchar(300),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delivery_once UNIQUE (source_event_id, email, kind)
      )`);
    await q.query(`CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX delivery_conference ON delivery (conference_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery`);
    await q.query(`DROP TABLE invitation`);
    await q.query(`DROP TABLE document_counter`);
    await q.query(`DROP TABLE conference`);
  }
}
