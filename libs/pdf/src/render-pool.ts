import { existsSync } from 'node:fs';
import Piscina from 'piscina';

export interface RenderPoolOptions<Model> {
  /**
   * The worker module: a bundle entry whose default export renders one model, and whose `warm` export prepares the
   * thread (see the notifications' letter worker). Only read when `threads` is above 0.
   */
  workerFile: string;
  /** Worker threads; 0 renders on the calling thread with `inProcess`. */
  threads: number;
  inProcess: (model: Model) => Promise<Buffer>;
}

/**
 * PDF layout is synchronous CPU work, tens of milliseconds a document. On the event loop, a round of letters holds
 * up every request, lease renewal and SMTP reply behind it; in the pool it runs on other threads, and the loop only
 * waits for the bytes. The threads start with the pool and last as long as it does.
 */
export class RenderPool<Model> {
  private readonly pool?: Piscina<Model, Uint8Array>;

  constructor(private readonly options: RenderPoolOptions<Model>) {
    if (options.threads <= 0) return;
    // Fail at start-up, not at the first letter: a build without its worker entry is a broken build.
    if (!existsSync(options.workerFile)) throw new Error(`The PDF worker ${options.workerFile} is missing`);
    this.pool = new Piscina({
      filename: options.workerFile,
      // Kept for the process's life: a new thread takes 0.5 s to lay out its first letter (see warm), which a
      // call's first invitee would wait for, and the memory it freed stayed with the allocator anyway (measured).
      minThreads: options.threads,
      maxThreads: options.threads,
      // Measured: a letter thread uses under 30 MB of heap; left alone, V8 reserves four times that before it
      // collects. These keep the thread near 110 MB of resident memory over a call of 1,000 letters (300 without).
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
  }

  async render(model: Model): Promise<Buffer> {
    if (!this.pool) return this.options.inProcess(model);
    // A Buffer crosses the thread boundary as a plain Uint8Array (structured clone); this wraps it, no copy.
    const bytes = await this.pool.run(model);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Has each thread run its worker's `warm` export (a sample document) before the first real one: the first layout
   * on a new thread is several times slower than the next. Best effort: a thread that cannot start fails the first
   * document anyway, with its error.
   */
  warm(): void {
    if (!this.pool) return;
    for (let thread = 0; thread < this.options.threads; thread += 1) {
      this.pool.run(undefined as Model, { name: 'warm' }).catch(() => undefined);
    }
  }

  /** Waits for the documents being rendered, then ends the threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
