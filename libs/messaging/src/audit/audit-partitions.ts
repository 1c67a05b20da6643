/** The month partitions of `audit_event`: `audit_event_y2026m11` holds November 2026 (UTC). */
const PARTITION = /^audit_event_y(\d{4})m(\d{2})$/;

function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

function partitionName(start: Date): string {
  return `audit_event_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** One month's partition and the statements that make it (each idempotent). */
export interface AuditPartition {
  name: string;
  statements: string[];
}

/**
 * The partitions of this month and the next `monthsAhead`. A partition is a table of its own: its owner could
 * empty it directly, so its grants are taken, and TRUNCATE, which no row trigger of the parent sees, is refused.
 */
export function auditPartitions(now: Date, monthsAhead: number): AuditPartition[] {
  const partitions: AuditPartition[] = [];
  for (let i = 0; i <= monthsAhead; i += 1) {
    const start = monthStart(now.getUTCFullYear(), now.getUTCMonth() + i);
    const end = monthStart(start.getUTCFullYear(), start.getUTCMonth() + 1);
    const name = partitionName(start);
    partitions.push({
      name,
      statements: [
        `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF audit_event
         FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`,
        ...sealStatements(name),
      ],
    });
  }
  return partitions;
}

/** A partition's own protection: no UPDATE, DELETE or TRUNCATE granted, and TRUNCATE refused even to its owner. */
export function sealStatements(name: string): string[] {
  return [
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${name} FROM PUBLIC, CURRENT_USER`,
    `CREATE OR REPLACE TRIGGER ${name}_no_truncate BEFORE TRUNCATE ON ${name}
       FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
  ];
}

/**
 * The partitions wholly older than the retention (`retentionMonths` before the start of this month), which the
 * retention job drops: rows are kept at least that long, at most a month longer.
 */
export function expiredAuditPartitions(names: readonly string[], now: Date, retentionMonths: number): string[] {
  const cutoff = monthStart(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths);
  return names.filter((name) => {
    const match = PARTITION.exec(name);
    if (!match) return false;
    const end = monthStart(Number(match[1]), Number(match[2]));
    return end.getTime() <= cutoff.getTime();
  });
}
