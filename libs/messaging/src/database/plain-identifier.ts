/**
 * A lower-case SQL name that needs no quoting: what the migration helpers accept as a table or column name before
 * writing it into DDL, so that no name can carry SQL with it.
 */
export function isPlainIdentifier(name: string): boolean {
  return /^[a-z_][a-z0-9_]*$/.test(name);
}
