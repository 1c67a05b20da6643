import { Logger } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AuditEventView, CSV_BOM, csvLine } from '@pressconf/contracts';

const logger = new Logger('AuditCsv');

/** The export's columns, one per field of a row (the actor's spread out, the changes as JSON). */
const COLUMNS: Array<[string, (event: AuditEventView) => string]> = [
  ['occurredAt', (e) => e.occurredAt],
  ['service', (e) => e.service],
  ['action', (e) => e.action],
  ['entityType', (e) => e.entityType],
  ['entityId', (e) => e.entityId],
  ['actorRole', (e) => e.actor.role],
  ['actorSubject', (e) => e.actor.subject],
  ['actorAgencyId', (e) => e.actor.agencyId ?? ''],
  ['correlationId', (e) => e.correlationId ?? ''],
  ['changes', (e) => JSON.stringify(e.changes)],
];

/** What is gathered before one write: a few dozen rows, not one write per row. */
const CHUNK_CHARS = 64 * 1024;

/** The first line of the export, after the byte-order mark. */
export function auditCsvHeader(): string {
  return CSV_BOM + csvLine(COLUMNS.map(([title]) => title));
}

/** One row of the trail as a line of the export (CRLF-terminated). */
export function auditCsvLine(event: AuditEventView): string {
  return csvLine(COLUMNS.map(([, of]) => of(event)));
}

/**
 * Writes a chunk, and when the socket's buffer is full waits until it drains: the rows are read from the stores
 * only as fast as the caller takes them. False when the caller went away.
 */
function write(sink: Writable, chunk: string): Promise<boolean> {
  if (sink.destroyed) return Promise.resolve(false);
  if (sink.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (open: boolean) => {
      sink.off('drain', onDrain);
      sink.off('close', onClose);
      resolve(open);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    sink.once('drain', onDrain);
    sink.once('close', onClose);
  });
}

/**
 * Streams the rows as CSV. The first row is read before `open` is called (it sets the headers and hands the sink),
 * so a store that cannot be read is still answered with a problem (it rejects); a failure after the first byte can
 * only cut the transfer short, and it does (the sink destroyed, never ended), so a partial export never passes for a
 * whole one. Resolves with the number of rows written.
 */
export async function streamAuditCsv(rows: AsyncIterator<AuditEventView>, open: () => Writable): Promise<number> {
  let next = await rows.next();
  const sink = open();
  let written = 0;
  try {
    let chunk = auditCsvHeader();
    while (!next.done) {
      chunk += auditCsvLine(next.value);
      written += 1;
      if (chunk.length >= CHUNK_CHARS) {
        if (!(await write(sink, chunk))) return written;
        chunk = '';
      }
      next = await rows.next();
    }
    if (await write(sink, chunk)) sink.end();
    return written;
  } catch (error) {
    logger.warn(`The audit export was cut short after ${written} rows: ${(error as Error).message}`);
    sink.destroy();
    return written;
  } finally {
    await rows.return?.();
  }
}
