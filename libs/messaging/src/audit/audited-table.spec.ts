import type { QueryRunner } from 'typeorm';
import { auditTable, AuditedTable, unauditTable } from './audited-table';

/** A query runner that keeps the SQL it is given: auditTable only writes DDL, whose text is what matters here. */
function recorder() {
  const statements: string[] = [];
  const runner = {
    query: (sql: string) => {
      statements.push(sql.replace(/\s+/g, ' ').trim());
      return Promise.resolve([]);
    },
  } as unknown as QueryRunner;
  return { runner, statements };
}

describe('auditTable', () => {
  it('replaces the table’s trigger with one passing every argument, in order, after all writes by default', async () => {
    const { runner, statements } = recorder();
    await auditTable(runner, {
      table: 'conference',
      entityType: 'conference',
      statusColumn: 'status',
      ignore: ['created_at', 'updated_at'],
    });
    expect(statements).toEqual([
      'DROP TRIGGER IF EXISTS conference_audit ON conference',
      'CREATE TRIGGER conference_audit AFTER INSERT OR UPDATE OR DELETE ON conference FOR EACH ROW ' +
        "EXECUTE FUNCTION audit_record('conference', 'id', 'status', 'created_at,updated_at', '', '', '')",
    ]);
  });

  it('limits updates to the columns named, with a fixed verb, hashes and the row acting', async () => {
    const { runner, statements } = recorder();
    await auditTable(runner, {
      table: 'invitation',
      entityType: 'invitation',
      operations: ['UPDATE'],
      updateOf: ['rsvp', 'delegate_name'],
      verb: 'answered',
      rowActs: true,
      hash: ['token_hash', 'previous_token_hash'],
    });
    expect(statements[1]).toBe(
      'CREATE TRIGGER invitation_audit AFTER UPDATE OF rsvp,delegate_name ON invitation FOR EACH ROW ' +
        "EXECUTE FUNCTION audit_record('invitation', 'id', '', '', 'token_hash,previous_token_hash', 'answered', 'row')",
    );
  });

  it('names an entity by several columns, and keeps inserts plain when only updates are narrowed', async () => {
    const { runner, statements } = recorder();
    await auditTable(runner, {
      table: 'brief_version',
      entityType: 'brief-version',
      idColumns: ['brief_id', 'version'],
      operations: ['INSERT', 'UPDATE'],
      updateOf: ['title'],
    });
    expect(statements[1]).toContain('AFTER INSERT OR UPDATE OF title ON brief_version');
    expect(statements[1]).toContain("audit_record('brief-version', 'brief_id,version', ");
  });

  const refused: Array<[string, Partial<AuditedTable>, RegExp]> = [
    ['a table name with a quote', { table: "brief'; DROP TABLE brief; --" }, /is not a table name/],
    ['a schema-qualified table', { table: 'submissions.brief' }, /is not a table name/],
    ['an entity type with underscores', { entityType: 'brief_request' }, /is not an entity type/],
    ['an entity type in capitals', { entityType: 'Brief' }, /is not an entity type/],
    ['a verb with a dot', { verb: 'brief.sent' }, /is not a verb/],
    ['a verb with a quote', { verb: "x')" }, /is not a verb/],
    ['an id column with a comma', { idColumns: ['brief_id,version'] }, /id column .* is not a column/],
    ['an ignored column in capitals', { ignore: ['createdAt'] }, /ignored column createdAt is not a column/],
    ['a hashed column with a space', { hash: ['secret key'] }, /hashed column .* is not a column/],
    ['a status column with a quote', { statusColumn: "status'" }, /status column .* is not a column/],
    ['an updated column with a paren', { updateOf: ['rsvp)'] }, /updated column .* is not a column/],
  ];

  it.each(refused)('refuses %s before running anything', async (_, change, message) => {
    const { runner, statements } = recorder();
    await expect(auditTable(runner, { table: 'brief', entityType: 'brief', ...change })).rejects.toThrow(message);
    expect(statements).toEqual([]);
  });
});

describe('unauditTable', () => {
  it('drops the table’s trigger, and refuses a bad name', async () => {
    const { runner, statements } = recorder();
    await unauditTable(runner, 'brief');
    expect(statements).toEqual(['DROP TRIGGER IF EXISTS brief_audit ON brief']);
    await expect(unauditTable(runner, 'brief; --')).rejects.toThrow(/is not a table name/);
  });
});
