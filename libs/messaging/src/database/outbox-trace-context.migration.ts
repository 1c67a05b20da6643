import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trace of the request that wrote an outbox row, which the relay continues when it publishes the row. */
export class OutboxTraceContext1764900000000 implements MigrationInterface {
  name = 'OutboxTraceContext1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_message ADD COLUMN trace_context jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_message DROP COLUMN trace_context`);
  }
}
