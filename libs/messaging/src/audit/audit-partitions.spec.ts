import { auditPartitions, expiredAuditPartitions } from './audit-partitions';

describe('auditPartitions', () => {
  it('makes this month and the months ahead, each sealed, across the new year', () => {
    const partitions = auditPartitions(new Date('2026-12-15T08:00:00Z'), 1);
    expect(partitions.map((p) => p.name)).toEqual(['audit_event_y2026m12', 'audit_event_y2027m01']);
    const [[december, decemberGrants, decemberTruncate], [january, januaryGrants]] = partitions.map((p) =>
      p.statements.map((s) => s.replace(/\s+/g, ' ')),
    );
    expect(december).toBe(
      'CREATE TABLE IF NOT EXISTS audit_event_y2026m12 PARTITION OF audit_event ' +
        "FOR VALUES FROM ('2026-12-01T00:00:00.000Z') TO ('2027-01-01T00:00:00.000Z')",
    );
    expect(decemberGrants).toBe('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event_y2026m12 FROM PUBLIC, CURRENT_USER');
    expect(decemberTruncate).toBe(
      'CREATE OR REPLACE TRIGGER audit_event_y2026m12_no_truncate BEFORE TRUNCATE ON audit_event_y2026m12 ' +
        'FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()',
    );
    expect(january).toBe(
      'CREATE TABLE IF NOT EXISTS audit_event_y2027m01 PARTITION OF audit_event ' +
        "FOR VALUES FROM ('2027-01-01T00:00:00.000Z') TO ('2027-02-01T00:00:00.000Z')",
    );
    expect(januaryGrants).toContain('ON audit_event_y2027m01 FROM');
  });

  it('counts months in UTC: New Year’s morning in Vietnam is still December', () => {
    const [first] = auditPartitions(new Date('2027-01-01T06:30:00+07:00'), 0);
    expect(first.name).toBe('audit_event_y2026m12');
  });
});

describe('expiredAuditPartitions', () => {
  const now = new Date('2026-11-28T10:00:00Z');

  it('drops the months wholly older than the retention, counted from the start of this month', () => {
    const names = ['audit_event_y2025m09', 'audit_event_y2025m10', 'audit_event_y2025m11', 'audit_event_y2026m11'];
    // Twelve months before 1 November 2026: 1 November 2025. October 2025 ends there; November 2025 is kept.
    expect(expiredAuditPartitions(names, now, 12)).toEqual(['audit_event_y2025m09', 'audit_event_y2025m10']);
  });

  it('reaches back over a new year', () => {
    const january = new Date('2027-01-10T00:00:00Z');
    expect(expiredAuditPartitions(['audit_event_y2026m11', 'audit_event_y2026m12'], january, 1)).toEqual([
      'audit_event_y2026m11',
    ]);
  });

  it('never names the default partition nor a table not named like a month', () => {
    const names = [
      'audit_event_default',
      'audit_event_y2001m1',
      'audit_event_y2001m01_old',
      'brief',
      'x_audit_event_y2001m01',
    ];
    expect(expiredAuditPartitions(names, now, 1)).toEqual([]);
  });
});
