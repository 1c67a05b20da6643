import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stored prefix of a key is `pk_<role>_` and six characters of the secret: 21 characters for the longest
 * role, `coordinator`, one more than the column held, so a coordinator key could not be issued (a 500).
 */
export class ApiKeyPrefixLength1764700013000 implements MigrationInterface {
  name = 'ApiKeyPrefixLength1764700013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ALTER COLUMN prefix TYPE varchar(32)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ALTER COLUMN prefix TYPE varchar(20)`);
  }
}
