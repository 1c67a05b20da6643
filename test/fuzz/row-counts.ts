import type { Admin } from 'kafkajs';
import type { Client } from 'pg';

const SCHEMAS = ['gateway', 'scheduling', 'submissions', 'notifications'];

/** Row counts of every table of every service's schema, in one query, to tell whether a request wrote anything. */
export class RowCounts {
  private statement?: string;

  /** `kafka`: an admin client of the stack's broker, to tell when every consumer group has caught up. */
  constructor(
    private readonly client: Client,
    private readonly kafka: Admin,
  ) {}

  async take(): Promise<Map<string, number>> {
    this.statement ??= await this.prepare();
    const { rows } = await this.client.query<{ name: string; n: number }>(this.statement);
    return new Map(rows.map((row) => [row.name, row.n]));
  }

  /** `scheduling.conference +1, …`, or nothing when the counts are the same. */
  differences(before: Map<string, number>, after: Map<string, number>): string {
    return [...after]
      .filter(([name, n]) => before.get(name) !== n)
      .map(([name, n]) => `${name} ${n - (before.get(name) ?? 0) >= 0 ? '+' : ''}${n - (before.get(name) ?? 0)}`)
      .join(', ');
  }

  /**
   * Waits until nothing moves any more (an accepted change's events relayed and consumed, its mail sent): no
   * outbox row unpublished, no mail due, every consumer group at the end of its topics, and the same counts twice
   * in a row. A mail sent later would publish its outcome into the outbox during another request.
   *
   * A call of hundreds of invitees takes minutes on a busy machine, so only a stall fails: nothing counted and
   * no work done for `stallMs`. `capMs` bounds the whole wait all the same.
   */
  async settle({ stallMs = 30_000, capMs = 300_000 }: { stallMs?: number; capMs?: number } = {}): Promise<void> {
    const started = Date.now();
    let movedAt = started;
    let last = await this.take();
    let lastBusy = await this.busy();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await this.take();
      const busy = await this.busy();
      const moved = this.differences(last, now) !== '' || busy !== lastBusy;
      if (!moved && busy === 0) return;
      if (moved) movedAt = Date.now();
      if (Date.now() - movedAt > stallMs)
        throw new Error(`the stack stalled: nothing moved for ${stallMs} ms with ${busy} message(s) or mail left`);
      if (Date.now() - started > capMs)
        throw new Error(`the stack did not settle within ${capMs} ms (${busy} message(s) or mail left)`);
      last = now;
      lastBusy = busy;
    }
  }

  async close(): Promise<void> {
    await this.kafka.disconnect();
    await this.client.end();
  }

  /** Work still under way: unpublished outbox rows, mail due, and messages not consumed yet. */
  private async busy(): Promise<number> {
    return (await this.unpublished()) + (await this.lag());
  }

  /** Messages the services' consumer groups have not committed yet, over every topic they read. */
  private async lag(): Promise<number> {
    const { groups } = await this.kafka.listGroups();
    let lag = 0;
    // The services' own groups (named after them) only: other tests' consumers on the broker are gone, their lag grows.
    for (const { groupId } of groups.filter((g) => /^(scheduling|submissions|notifications)$/.test(g.groupId))) {
      for (const { topic, partitions } of await this.kafka.fetchOffsets({ groupId })) {
        const ends = new Map((await this.kafka.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
        for (const p of partitions)
          if (Number(p.offset) >= 0) lag += Math.max(0, (ends.get(p.partition) ?? 0) - Number(p.offset));
      }
    }
    return lag;
  }

  /** Outbox rows not yet published, and mail due now or in the next seconds (not reminders due in a day). */
  private async unpublished(): Promise<number> {
    const sql = SCHEMAS.filter((s) => s !== 'gateway')
      .map((s) => `SELECT count(*)::int AS n FROM "${s}".outbox_message WHERE published_at IS NULL`)
      .concat(
        `SELECT count(*)::int AS n FROM notifications.delivery
          WHERE status = 'PENDING' AND next_attempt_at < now() + interval '5 seconds'`,
      )
      .join(' UNION ALL ');
    const { rows } = await this.client.query<{ n: number }>(sql);
    return rows.reduce((sum, row) => sum + row.n, 0);
  }

  private async prepare(): Promise<string> {
    const { rows } = await this.client.query<{ schema: string; table: string }>(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [SCHEMAS],
    );
    if (rows.length === 0) throw new Error('no tables found in the services’ schemas');
    return rows
      .map(({ schema, table }) => `SELECT '${schema}.${table}' AS name, count(*)::int AS n FROM "${schema}"."${table}"`)
      .join(' UNION ALL ');
  }
}
