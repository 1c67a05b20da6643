import { KEPT_READS, SharedReads } from './shared-reads';

describe('SharedReads', () => {
  it('reads a record once for every consumer that asks, even while the first read is under way', async () => {
    const reads = new SharedReads();
    let count = 0;
    const read = () => Promise.resolve(++count);
    const [first, second] = await Promise.all([reads.once('t/0/5/1', read), reads.once('t/0/5/1', read)]);
    expect([first, second, count]).toEqual([1, 1, 1]);
    expect(await reads.once('t/0/6/1', read)).toBe(2);
  });

  it('shares a failed read, so that each consumer meets the same verdict', async () => {
    const reads = new SharedReads();
    const refused = jest.fn(() => Promise.reject(new Error('invalid payload')));
    await expect(reads.once('t/0/7/1', refused)).rejects.toThrow('invalid payload');
    await expect(reads.once('t/0/7/1', refused)).rejects.toThrow('invalid payload');
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('keeps only the latest records', async () => {
    const reads = new SharedReads();
    let count = 0;
    const read = () => Promise.resolve(++count);
    for (let offset = 0; offset <= KEPT_READS; offset += 1) await reads.once(`t/0/${offset}/1`, read);
    expect(await reads.once(`t/0/${KEPT_READS}/1`, read)).toBe(KEPT_READS + 1);
    expect(await reads.once('t/0/0/1', read)).toBe(KEPT_READS + 2);
  });
});
