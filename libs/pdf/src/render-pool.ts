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
  /** Idle time after which a worker thread ends and gives its memory back (a worker starts again on demand). */
  idleTimeoutMs?: number;
}

/**
 * PDF layout is synchronous CPU work, tens of milliseconds a document. On the event loop, a round of letters holds
 * up every request, lease renewal and SMTP reply behind it; in the pool it runs on other threads, and the loop only
 * waits for the bytes. Threads start on the first document (each parses its fonts once) and end when idle.
 */
export class RenderPool<Model> {
  private readonly pool?: Piscina<Model, Uint8Array>;

  constructor(private readonly options: RenderPoolOptions<Model>) {
    if (options.threads <= 0) return;
    // Fail at start-up, not at the first letter: a build without its worker entry is a broken build.
    if (!existsSync(options.workerFile)) throw new Error(`The PDF worker ${options.workerFile} is missing`);
    this.pool = new Piscina({
      filename: options.workerFile,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: options.idleTimeoutMs ?? 30_000,
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
   * Starts a thread and has it parse its fonts while the caller prepares the documents (a call writing its
   * invitations), so that the first document does not wait for a cold thread. Nothing when a thread is up.
   */
  warm(): void {
    if (!this.pool || this.pool.threads.length > 0) return;
    // Best effort: a thread that cannot start fails the first document anyway, with its error.
    this.pool.run(undefined as Model, { name: 'warm' }).catch(() => undefined);
  }

  /** Waits for the documents being rendered, then ends the threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
