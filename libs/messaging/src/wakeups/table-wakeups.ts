import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** The channel a watched table's trigger notifies (wake_listeners(), wakeup-triggers.ts). */
export function wakeupChannel(schema: string, table: string): string {
  return `wake_${schema}_${table}`;
}

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/**
 * Wakes this process's workers when rows they wait for are committed, by any replica: a watched table's statement
 * trigger NOTIFYs its channel (PostgreSQL delivers it at commit, once per transaction), and one connection of the
 * process LISTENs. So an idle worker polls rarely (its poll is the safety net for a lost connection) and still
 * starts on new work at once. While the connection is down it is retried with backoff; once back, every listener
 * is woken, for what was committed meanwhile.
 */
export class TableWakeups {
  private readonly logger = new Logger(TableWakeups.name);
  private readonly listeners = new Map<string, Set<() => void>>();
  private client?: Client;
  private connecting?: Promise<void>;
  private retryTimer?: NodeJS.Timeout;
  private retryMs = RECONNECT_MIN_MS;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly schema: string,
  ) {}

  /** Calls `listener` after each commit that inserted into `table` (of this service's schema). */
  on(table: string, listener: () => void): void {
    const channel = wakeupChannel(this.schema, table);
    const known = this.listeners.get(channel);
    if (known) {
      known.add(listener);
      return;
    }
    this.listeners.set(channel, new Set([listener]));
    void this.client?.query(`LISTEN "${channel}"`).catch(() => undefined); // a later reconnect listens anyway
  }

  start(): Promise<void> {
    this.stopped = false;
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: `${this.schema}-wakeups` });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', ({ channel }) => this.notify(channel));
    try {
      await client.connect();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
    for (const channel of this.listeners.keys()) this.notify(channel);
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client && this.client !== client) return; // an old connection's last word
    this.client = undefined;
    if (this.stopped || this.retryTimer) return;
    this.logger.warn(
      `listening for new work stopped (${error instanceof Error ? error.message : 'connection ended'}); ` +
        `the workers poll until it is back, retrying in ${this.retryMs} ms`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.start();
    }, this.retryMs);
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
  }

  private notify(channel: string): void {
    for (const listener of this.listeners.get(channel) ?? []) listener();
  }
}
