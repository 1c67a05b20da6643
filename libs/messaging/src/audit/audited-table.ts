import { QueryRunner } from 'typeorm';
import { isPlainIdentifier } from '../database/plain-identifier';

/** How one table's writes enter the audit trail (see AuditTrail1796000000000). */
export interface AuditedTable {
  table: string;
  /** The entity type of the trail, e.g. `brief-request` for `brief_request`: the prefix of each action. */
  entityType: string;
  /** The columns naming the entity (joined with `/`); `id` by default. */
  idColumns?: readonly string[];
  /** A change of this column names the action after the new value: `CALLED` → `conference.called`. */
  statusColumn?: string;
  /** Columns that are bookkeeping, not state (leases, counters, timestamps of the row itself): never recorded. */
  ignore?: readonly string[];
  /** Secrets and file contents: recorded as the SHA-256 of their value. */
  hash?: readonly string[];
  /** Which writes count; all three by default. */
  operations?: ReadonlyArray<'INSERT' | 'UPDATE' | 'DELETE'>;
  /** Only updates of these columns count (a row some of whose columns are someone else's business). */
  updateOf?: readonly string[];
  /** A fixed verb for what the trigger records, instead of created/updated/<status>/deleted. */
  verb?: string;
  /** The row acts, not the caller, when the invitee page's read-only caller writes it (an invitation answering). */
  rowActs?: boolean;
}

const WORD = /^[a-z][a-z0-9-]*$/;

function checked(names: readonly string[], what: string): string {
  for (const name of names)
    if (!isPlainIdentifier(name)) throw new Error(`auditTable: ${what} ${name} is not a column`);
  return names.join(',');
}

/** The trigger's name on a table: one per table, so declaring it again replaces the earlier declaration. */
function triggerName(table: string): string {
  return `${table}_audit`;
}

/**
 * Puts a table under the audit trail: from now on, every write of the kinds declared is recorded, in the writing
 * transaction, with who and what changed. A service's migration calls it once per table (and again, with the same
 * table, to change the declaration); `unauditTable` undoes it.
 */
export async function auditTable(q: QueryRunner, spec: AuditedTable): Promise<void> {
  if (!isPlainIdentifier(spec.table)) throw new Error(`auditTable: ${spec.table} is not a table name`);
  if (!WORD.test(spec.entityType)) throw new Error(`auditTable: ${spec.entityType} is not an entity type`);
  if (spec.verb !== undefined && !WORD.test(spec.verb)) throw new Error(`auditTable: ${spec.verb} is not a verb`);
  const args = [
    spec.entityType,
    checked(spec.idColumns ?? ['id'], 'id column'),
    spec.statusColumn ? checked([spec.statusColumn], 'status column') : '',
    checked(spec.ignore ?? [], 'ignored column'),
    checked(spec.hash ?? [], 'hashed column'),
    spec.verb ?? '',
    spec.rowActs ? 'row' : '',
  ].map((arg) => `'${arg}'`);
  const operations = (spec.operations ?? ['INSERT', 'UPDATE', 'DELETE']).map((operation) =>
    operation === 'UPDATE' && spec.updateOf ? `UPDATE OF ${checked(spec.updateOf, 'updated column')}` : operation,
  );
  await unauditTable(q, spec.table);
  await q.query(
    `CREATE TRIGGER ${triggerName(spec.table)} AFTER ${operations.join(' OR ')} ON ${spec.table}
       FOR EACH ROW EXECUTE FUNCTION audit_record(${args.join(', ')})`,
  );
}

export async function unauditTable(q: QueryRunner, table: string): Promise<void> {
  if (!isPlainIdentifier(table)) throw new Error(`unauditTable: ${table} is not a table name`);
  await q.query(`DROP TRIGGER IF EXISTS ${triggerName(table)} ON ${table}`);
}
