import { MigrationInterface, QueryRunner } from 'typeorm';

/** Periodic series with their materialised drafts, and what is prepared on a conference before and after its call. */
export class SchedulingSeriesAndPreparation1764200003000 implements MigrationInterface {
  name = 'SchedulingSeriesAndPreparation1764200003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conference_series (
        id uuid PRIMARY KEY,
        title varchar(500) NOT NULL,
        rrule text NOT NULL,
        start_time varchar(5) NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        time_zone varchar(64) NOT NULL,
        venue varchar(500) NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        materialized_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      ALTER TABLE conference
        ADD COLUMN series_occurrence timestamptz,
        ADD COLUMN added_agency_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN removed_agency_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN agenda jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN co_host_request jsonb`);
    // Earlier rows may name a series that was never stored: check only new ones.
    await q.query(`
      ALTER TABLE conference ADD CONSTRAINT conference_series_fk
        FOREIGN KEY (series_id) REFERENCES conference_series (id) NOT VALID`);
    // Materialising an occurrence twice (a rerun, two replicas) adds nothing.
    await q.query(`
      CREATE UNIQUE INDEX conference_series_occurrence ON conference (series_id, series_occurrence)
        WHERE series_occurrence IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX conference_series_occurrence`);
    await q.query(`ALTER TABLE conference DROP CONSTRAINT conference_series_fk`);
    await q.query(`
      ALTER TABLE conference
        DROP COLUMN co_host_request,
        DROP COLUMN agenda,
        DROP COLUMN removed_agency_ids,
        DROP COLUMN added_agency_ids,
        DROP COLUMN series_occurrence`);
    await q.query(`DROP TABLE conference_series`);
  }
}
