import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A `host` key acts for one agency, as `agency` and `press` keys do: a host reads the conferences its agency hosts.
 * Host keys issued before carry none and could read nothing: they are revoked here (issue one naming the agency);
 * a revoked key needs no agency, so the constraint holds for the live keys.
 */
export class ApiKeyHostAgency1795910000000 implements MigrationInterface {
  name = 'ApiKeyHostAgency1795910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE api_key SET revoked_at = now() WHERE role = 'host' AND agency_id IS NULL AND revoked_at IS NULL`,
    );
    await q.query(`ALTER TABLE api_key DROP CONSTRAINT api_key_agency`);
    await q.query(
      `ALTER TABLE api_key ADD CONSTRAINT api_key_agency
         CHECK (role NOT IN ('agency', 'press', 'host') OR agency_id IS NOT NULL OR revoked_at IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP CONSTRAINT api_key_agency`);
    await q.query(
      `ALTER TABLE api_key ADD CONSTRAINT api_key_agency CHECK (role NOT IN ('agency', 'press') OR agency_id IS NOT NULL)`,
    );
  }
}
