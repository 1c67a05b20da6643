/**
 * Rows per INSERT: PostgreSQL's protocol counts a statement's parameters in 16 bits (at most 65,535), which a
 * national call of 10,000 invitees in one statement overflows; a thousand rows of up to 65 columns stay below it.
 */
export const ROWS_PER_INSERT = 1_000;

/** Writes rows of any number with one statement per ROWS_PER_INSERT of them, in order, in the caller's transaction. */
export async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}
