import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1764100005000 implements MigrationInterface {
  name = 'ApiKeys1764100005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY,
        name varchar(200) NOT NULL,
        role varchar(20) NOT NULL,
        agency_id uuid,
        prefix varchar(20) NOT NULL,
        hash varchar(64) NOT NULL UNIQUE,
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT api_key_agency CHECK (role NOT IN ('agency', 'press') OR agency_id IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_key`);
  }
}
