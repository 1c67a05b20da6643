import { auditCursor, AuditEventView, compareAuditEvents } from '@pressconf/contracts';

/**
 * Every row of one store, newest first, asked for `size` at a time: each slice starts just older than the last row
 * of the one before (its cursor), so nothing is skipped or repeated however the rows are spread. The next slice is
 * asked for as soon as one arrives, while its rows are written out, so at most two slices of a store are held at a
 * time and the export does not wait a round trip per slice. A slice shorter than `size` is the last.
 */
export async function* sliceBySlice(
  read: (before: string | undefined) => Promise<AuditEventView[]>,
  size: number,
): AsyncGenerator<AuditEventView> {
  let next = read(undefined);
  for (;;) {
    const items = await next;
    const more = items.length >= size;
    if (more) {
      next = read(auditCursor(items[items.length - 1]));
      // A reader that stops before this slice is needed must not leave its failure unhandled; awaited, it throws.
      next.catch(() => undefined);
    }
    yield* items;
    if (!more) return;
  }
}

/**
 * The rows of several stores, each newest first, as one trail newest first (a k-way merge: the newest of the
 * stores' next rows goes next). The stores are asked for their first rows together; the sources left open when the
 * reader stops early or one of them fails are closed.
 */
export async function* mergeNewestFirst(sources: Array<AsyncIterator<AuditEventView>>): AsyncGenerator<AuditEventView> {
  try {
    const heads = await Promise.all(sources.map((source) => source.next()));
    for (;;) {
      let newest = -1;
      for (let i = 0; i < heads.length; i += 1) {
        const head = heads[i];
        if (head.done) continue;
        if (newest < 0 || compareAuditEvents(head.value, heads[newest].value as AuditEventView) < 0) newest = i;
      }
      if (newest < 0) return;
      yield heads[newest].value as AuditEventView;
      heads[newest] = await sources[newest].next();
    }
  } finally {
    await Promise.all(sources.map(async (source) => source.return?.()));
  }
}
