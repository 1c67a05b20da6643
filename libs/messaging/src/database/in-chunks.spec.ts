import { insertInChunks, ROWS_PER_INSERT } from './in-chunks';

describe('insertInChunks', () => {
  it('writes every row once, in order, with no statement above the bound', async () => {
    const rows = Array.from({ length: 2 * ROWS_PER_INSERT + 7 }, (_, i) => i);
    const statements: number[][] = [];
    await insertInChunks(rows, (chunk) => Promise.resolve(statements.push(chunk)));
    expect(statements.map((chunk) => chunk.length)).toEqual([ROWS_PER_INSERT, ROWS_PER_INSERT, 7]);
    expect(statements.flat()).toEqual(rows);
  });

  it('writes nothing for no rows', async () => {
    const insert = jest.fn();
    await insertInChunks([], insert);
    expect(insert).not.toHaveBeenCalled();
  });

  it('stops at the first failed statement', async () => {
    const rows = Array.from({ length: ROWS_PER_INSERT + 1 }, (_, i) => i);
    const insert = jest.fn().mockRejectedValueOnce(new Error('deadlock'));
    await expect(insertInChunks(rows, insert)).rejects.toThrow('deadlock');
    expect(insert).toHaveBeenCalledTimes(1);
  });
});
