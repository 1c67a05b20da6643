import { MigrationInterface, QueryRunner } from 'typeorm';

/** A stopped series drafts nothing more (POST /conference-series/{id}/stop). */
export class SchedulingSeriesStop1795840275437 implements MigrationInterface {
  name = 'SchedulingSeriesStop1795840275437';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference_series ADD COLUMN stopped_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference_series DROP COLUMN stopped_at`);
  }
}
