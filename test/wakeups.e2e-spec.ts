import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, TableWakeups, WakeupTriggers1796000200000 } from '@pressconf/messaging';
import type { QueryRunner } from 'typeorm';
import { eventually } from './support/stack';

/**
 * The wake-ups that let idle workers poll rarely: a committed insert into a watched table reaches every listening
 * process at once, an uncommitted or rolled-back one never, and a lost connection comes back by itself (waking
 * everyone, for what was committed meanwhile). Real PostgreSQL, a database of the test's own.
 */
describe('table wake-ups (LISTEN/NOTIFY)', () => {
  const database = `pressconf_wakeups_${randomBytes(3).toString('hex')}`;
  const server = new URL(databaseUrl());
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  let admin: Client;
  let writer: Client;
  const processes: TableWakeups[] = [];
  const woken = [0, 0];

  beforeAll(async () => {
    admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    writer = new Client({ connectionString: url.toString() });
    await writer.connect();
    await writer.query(`CREATE SCHEMA svc; SET search_path = svc; CREATE TABLE outbox_message (id int)`);
    // The shared migration makes the function and the outbox's trigger, as in every service.
    await new WakeupTriggers1796000200000().up({ query: (sql: string) => writer.query(sql) } as unknown as QueryRunner);
    for (const index of [0, 1]) {
      const wakeups = new TableWakeups(url.toString(), 'svc');
      wakeups.on('outbox_message', () => (woken[index] += 1));
      await wakeups.start();
      processes.push(wakeups);
    }
  });

  afterAll(async () => {
    for (const wakeups of processes) await wakeups.stop();
    await writer?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  });

  it('wakes every process once a transaction inserting rows commits, and not before', async () => {
    const before = [...woken];
    await writer.query('BEGIN');
    await writer.query('INSERT INTO outbox_message VALUES (1), (2)');
    await writer.query('INSERT INTO outbox_message VALUES (3)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(woken).toEqual(before);
    await writer.query('COMMIT');
    await eventually(() => woken[0] > before[0] && woken[1] > before[1]);
    // One notification per transaction and channel: PostgreSQL folds the statements' into one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(woken).toEqual([before[0] + 1, before[1] + 1]);
  });

  it('never wakes anyone for a rolled-back insert', async () => {
    const before = [...woken];
    await writer.query('BEGIN');
    await writer.query('INSERT INTO outbox_message VALUES (4)');
    await writer.query('ROLLBACK');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(woken).toEqual(before);
  });

  it('listens again after its connection is cut, and wakes its workers for what came meanwhile', async () => {
    const before = [...woken];
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'svc-wakeups'`,
      [database],
    );
    await eventually(() => woken[0] > before[0] && woken[1] > before[1], 15_000); // the reconnect's wake-up
    const reconnected = [...woken];
    await writer.query('INSERT INTO outbox_message VALUES (5)');
    await eventually(() => woken[0] > reconnected[0] && woken[1] > reconnected[1]);
  });
});
