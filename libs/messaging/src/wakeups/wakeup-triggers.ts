import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPlainIdentifier } from '../database/plain-identifier';

/**
 * Makes every statement inserting into `table` wake the workers waiting on it, in every process of the service
 * (TableWakeups): the notification goes out at commit, on the channel `wake_<schema>_<table>`.
 */
export async function wakeOnInsert(q: QueryRunner, table: string): Promise<void> {
  if (!isPlainIdentifier(table)) throw new Error(`wakeOnInsert: ${table} is not a table name`);
  await q.query(`DROP TRIGGER IF EXISTS ${table}_wakeup ON ${table}`);
  await q.query(
    `CREATE TRIGGER ${table}_wakeup AFTER INSERT ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION wake_listeners()`,
  );
}

/**
 * Makes every statement that sets `column` of `table` (a queue's due time: a retry put off, a resend, a receiver
 * back on) wake the workers waiting on it, on the same channel as its inserts: a worker that sleeps until the next
 * due time learns of a new one at once.
 */
export async function wakeOnUpdateOf(q: QueryRunner, table: string, column: string): Promise<void> {
  if (!isPlainIdentifier(table) || !isPlainIdentifier(column))
    throw new Error(`wakeOnUpdateOf: ${table}.${column} is not a column name`);
  await q.query(`DROP TRIGGER IF EXISTS ${table}_${column}_wakeup ON ${table}`);
  await q.query(
    `CREATE TRIGGER ${table}_${column}_wakeup AFTER UPDATE OF ${column} ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION wake_listeners()`,
  );
}

/** The function behind every wake-up trigger, and the outbox's own trigger (each service's relay waits on it). */
export class WakeupTriggers1796000200000 implements MigrationInterface {
  name = 'WakeupTriggers1796000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION wake_listeners() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('wake_' || TG_TABLE_SCHEMA || '_' || TG_TABLE_NAME, '');
        RETURN NULL;
      END $$`);
    await wakeOnInsert(q, 'outbox_message');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS outbox_message_wakeup ON outbox_message`);
    await q.query(`DROP FUNCTION wake_listeners()`);
  }
}
