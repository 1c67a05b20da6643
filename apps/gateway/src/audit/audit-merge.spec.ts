import { randomUUID } from 'node:crypto';
import { AuditEventView, compareAuditEvents } from '@pressconf/contracts';
import { mergeNewestFirst, sliceBySlice } from './audit-merge';

const row = (service: AuditEventView['service'], second: number): AuditEventView => ({
  id: randomUUID(),
  occurredAt: new Date(Date.UTC(2026, 10, 28, 10, 0, second)).toISOString(),
  actor: { role: 'admin', subject: 'bootstrap-admin' },
  action: 'agency.created',
  entityType: 'agency',
  entityId: randomUUID(),
  changes: {},
  service,
});

/** A store holding `rows`, answering slices as the services do, and counting what it was asked. */
function store(rows: AuditEventView[]) {
  const sorted = [...rows].sort(compareAuditEvents);
  const asked: Array<string | undefined> = [];
  const read = (before: string | undefined, size: number) => {
    asked.push(before);
    const start = before ? sorted.findIndex((r) => `${r.occurredAt}|${r.id}` === before) + 1 : 0;
    return Promise.resolve(sorted.slice(start, start + size));
  };
  return { sorted, asked, slices: (size: number) => sliceBySlice((before) => read(before, size), size) };
}

async function all<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe('the merge of the stores’ slices', () => {
  it('reads a store a slice at a time, each from the cursor of the last row, until a short slice', async () => {
    const gateway = store(Array.from({ length: 7 }, (_, i) => row('gateway', i)));
    expect(await all(gateway.slices(3))).toEqual(gateway.sorted);
    const cursor = (i: number) => `${gateway.sorted[i].occurredAt}|${gateway.sorted[i].id}`;
    expect(gateway.asked).toEqual([undefined, cursor(2), cursor(5)]);
  });

  it('interleaves the stores newest first, rows of the same instant by id', async () => {
    const stores = [
      store([0, 3, 6, 9].map((s) => row('gateway', s))),
      store([1, 4, 4, 7].map((s) => row('scheduling', s))),
      store([]),
      store([2, 4, 8].map((s) => row('notifications', s))),
    ];
    const merged = await all(mergeNewestFirst(stores.map((s) => s.slices(2))));
    expect(merged).toEqual(stores.flatMap((s) => s.sorted).sort(compareAuditEvents));
    expect(merged).toHaveLength(11);
  });

  it('closes every store when the reader stops early', async () => {
    let closed = 0;
    const source = async function* () {
      try {
        await Promise.resolve();
        for (let i = 59; i >= 0; i -= 1) yield row('submissions', i);
      } finally {
        closed += 1;
      }
    };
    for await (const _ of mergeNewestFirst([source(), source()])) break;
    expect(closed).toBe(2);
  });

  it('fails when a store fails, and closes the others', async () => {
    let closed = false;
    const healthy = async function* () {
      try {
        await Promise.resolve();
        yield row('gateway', 1);
      } finally {
        closed = true;
      }
    };
    const failing: AsyncIterator<AuditEventView> = {
      next: () => Promise.reject(new Error('scheduling is unavailable')),
    };
    await expect(all(mergeNewestFirst([healthy(), failing]))).rejects.toThrow('scheduling is unavailable');
    expect(closed).toBe(true);
  });
});
