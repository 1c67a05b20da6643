import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '../scheduling/periodic-job';
import { auditPartitions, expiredAuditPartitions } from './audit-partitions';

/** Any number, the same in every schema: one replica of a service keeps its trail's partitions at a time. */
const RETENTION_LOCK = 7_431_001;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps the trail's month partitions: the next two months made ahead (so no row falls into the default
 * partition), and the months wholly past the retention dropped — the only way rows leave the trail.
 */
export async function keepAuditPartitions(dataSource: DataSource, retentionMonths: number, now = new Date()) {
  return dataSource.transaction(async (tx) => {
    const [{ locked }] = await tx.query<Array<{ locked: boolean }>>(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
      RETENTION_LOCK,
    ]);
    if (!locked) return undefined;
    // Each month on its own: one that cannot be made (rows of its month already in the default partition) is
    // reported, and neither the other months nor the drops wait for it.
    const unmade: string[] = [];
    for (const { name, statements } of auditPartitions(now, 2)) {
      await tx.query('SAVEPOINT audit_partition');
      try {
        for (const statement of statements) await tx.query(statement);
        await tx.query('RELEASE SAVEPOINT audit_partition');
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT audit_partition');
        unmade.push(`${name} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    const partitions: Array<{ name: string }> = await tx.query(
      `SELECT c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = 'audit_event' AND p.relnamespace = current_schema()::regnamespace`,
    );
    const expired = expiredAuditPartitions(
      partitions.map((p) => p.name),
      now,
      retentionMonths,
    );
    for (const name of expired) await tx.query(`DROP TABLE ${name}`);
    const report = [
      ...(expired.length ? [`dropped audit partitions past ${retentionMonths} months: ${expired.join(', ')}`] : []),
      ...(unmade.length ? [`could not make audit partitions: ${unmade.join('; ')}`] : []),
    ];
    return report.length ? report.join('; ') : undefined;
  });
}

export function auditRetentionJob(dataSource: DataSource, retentionMonths: number): PeriodicJob {
  return new PeriodicJob({
    name: 'audit-retention',
    intervalMs: DAY_MS,
    runAtStart: true,
    run: () => keepAuditPartitions(dataSource, retentionMonths),
    logger: new Logger('AuditRetention'),
    reportLevel: 'warn',
  });
}
