import { MigrationInterface, QueryRunner } from 'typeorm';

export class SchedulingInitial1764100001000 implements MigrationInterface {
  name = 'SchedulingInitial1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name varchar(300) NOT NULL,
        kind varchar(40) NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        fields text[] NOT NULL DEFAULT '{}',
        territory varchar(200),
        contacts jsonb NOT NULL DEFAULT '[]',
        valid_from timestamptz NOT NULL DEFAULT now(),
        valid_to timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX agency_roles ON agency USING gin (roles)`);
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY,
        title varchar(500) NOT NULL,
        description text NOT NULL,
        occurred_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        agency_ids uuid[] NOT NULL DEFAULT '{}',
        convene_by timestamptz NOT NULL,
        breach_reported_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX incident_pending_deadline ON incident (convene_by) WHERE breach_reported_at IS NULL`);
    await q.query(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY,
        kind varchar(20) NOT NULL,
        status varchar(20) NOT NULL,
        title varchar(500) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue varchar(500) NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        incident_id uuid REFERENCES incident (id),
        series_id uuid,
        briefs_due_at timestamptz,
        sequence int NOT NULL DEFAULT 0,
        called_at timestamptz,
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT conference_window CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX conference_starts_at ON conference (starts_at)`);
    await q.query(`CREATE INDEX conference_incident ON conference (incident_id)`);
    await q.query(`
      CREATE TABLE participant (
        id uuid PRIMARY KEY,
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL,
        agency_name varchar(300) NOT NULL,
        role varchar(40) NOT NULL,
        contact_name varchar(200) NOT NULL,
        contact_title varchar(200),
        email varchar(320) NOT NULL,
        must_brief boolean NOT NULL,
        reason text NOT NULL,
        rsvp varchar(20) NOT NULL DEFAULT 'PENDING',
        delegate_name varchar(200),
        rsvp_at timestamptz,
        position int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX participant_conference ON participant (conference_id, agency_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant`);
    await q.query(`DROP TABLE conference`);
    await q.query(`DROP TABLE incident`);
    await q.query(`DROP TABLE agency`);
  }
}
