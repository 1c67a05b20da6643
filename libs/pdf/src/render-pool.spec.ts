import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RenderPool } from './render-pool';

// A worker as webpack bundles one (an ES module in CommonJS), that "renders" by holding its thread for `busyMs`, as
// layout does, then answers with its input's bytes; asked "warmed?", it tells whether its `warm` export ran.
const WORKER = `
Object.defineProperty(exports, "__esModule", { value: true });
let warmed = false;
exports.warm = () => { warmed = true; };
exports.default = ({ text, busyMs }) => {
  const until = Date.now() + busyMs;
  while (Date.now() < until);
  return Buffer.from(text === 'warmed?' ? String(warmed) : text);
};
`;

describe('RenderPool', () => {
  let directory: string;
  let workerFile: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'render-pool-'));
    workerFile = join(directory, 'worker.js');
    writeFileSync(workerFile, WORKER);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const inProcess = (model: { text: string; busyMs: number }): Promise<Buffer> =>
    Promise.resolve(Buffer.from(`here: ${model.text}`));

  it('renders in a worker thread and hands back a Buffer of the bytes', async () => {
    const pool = new RenderPool({ workerFile, threads: 1, inProcess });
    try {
      const pdf = await pool.render({ text: 'Giấy mời', busyMs: 0 });
      expect(Buffer.isBuffer(pdf)).toBe(true);
      expect(pdf.toString()).toBe('Giấy mời');
    } finally {
      await pool.close();
    }
  });

  it('keeps the event loop free while the worker is busy', async () => {
    const pool = new RenderPool({ workerFile, threads: 1, inProcess });
    try {
      await pool.render({ text: 'warm-up', busyMs: 0 });
      const rendering = pool.render({ text: 'slow', busyMs: 400 });
      const startedAt = Date.now();
      // A timer due in 20 ms fires long before the 400 ms of layout end.
      const timerLag = await new Promise<number>((resolve) => setTimeout(() => resolve(Date.now() - startedAt), 20));
      expect(timerLag).toBeLessThan(300);
      expect((await rendering).toString()).toBe('slow');
    } finally {
      await pool.close();
    }
  });

  it('warms a thread before the first document', async () => {
    const pool = new RenderPool({ workerFile, threads: 1, inProcess });
    try {
      pool.warm();
      pool.warm();
      expect((await pool.render({ text: 'warmed?', busyMs: 0 })).toString()).toBe('true');
    } finally {
      await pool.close();
    }
  });

  it('renders on the calling thread when given no threads', async () => {
    const pool = new RenderPool({ workerFile: join(directory, 'absent.js'), threads: 0, inProcess });
    pool.warm();
    expect((await pool.render({ text: 'x', busyMs: 0 })).toString()).toBe('here: x');
    await pool.close();
  });

  it('refuses to start without its worker module', () => {
    expect(() => new RenderPool({ workerFile: join(directory, 'absent.js'), threads: 1, inProcess })).toThrow(
      /PDF worker .*absent\.js is missing/,
    );
  });
});
