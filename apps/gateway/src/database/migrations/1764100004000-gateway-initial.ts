import { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayInitial1764100004000 implements MigrationInterface {
  name = 'GatewayInitial1764100004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_record (
        scope varchar(600) PRIMARY KEY,
        fingerprint varchar(64) NOT NULL,
        status_code int,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_record`);
  }
}
