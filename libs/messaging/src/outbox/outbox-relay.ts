import { Logger } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { CompressionTypes, Kafka, Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { kafkaClientConfig, PRODUCER_DEFAULTS } from '../kafka/kafka-config';
import { RenewableProducer } from '../kafka/renewable-producer';
import { lazyGauge, outboxPublished } from '../metrics/metrics';
import { OutboxMessage } from './outbox-message.entity';
import { endPublishSpans, startPublishSpan } from './publish-span';
import { Nap } from '../wakeups/nap';
import { TableWakeups } from '../wakeups/table-wakeups';

export interface OutboxRelayOptions {
  service: string;
  batchSize?: number;
  /** The pause when idle: a safety net, as each committed insert into the outbox wakes the relay at once. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  /** What tells the relay of new rows (LISTEN/NOTIFY); without it, it finds them by polling alone. */
  wakeups?: TableWakeups;
  /** Published rows are kept this long for audit, then deleted. */
  retentionDays?: number;
}

/** Half the first pause after a failure to publish; it doubles with each failure up to `maxBackoffMs`. */
const FIRST_BACKOFF_MS = 100;

/** A batch sent (or none to send), or the producer's failure after it was noted on the rows. */
type BatchOutcome = { sent: number } | { sent: 0; error: unknown };

export interface OutboxStats {
  backlog: number;
  oldestAgeSeconds: number;
  published: number;
}

/**
 * Publishes committed outbox rows in order with an idempotent producer, and marks them published in the same
 * database transaction that locked them. A crash between the send and the commit republishes the batch;
 * consumers' inboxes absorb that. One relay per service runs at a time (an advisory lock), which keeps each
 * conference's events in order across replicas.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly producer: RenewableProducer;
  private readonly lockKey: number;
  private running = false;
  private loop?: Promise<void>;
  private readonly nap = new Nap();
  /** The pause after a failure, which new rows do not shorten (only stopping does). */
  private readonly backoff = new Nap();
  private published = 0;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.logger = new Logger(`OutboxRelay(${options.service})`);
    const clientId = `${options.service}-outbox`;
    this.producer = new RenewableProducer(clientId, () =>
      new Kafka(kafkaClientConfig(clientId)).producer(PRODUCER_DEFAULTS),
    );
    this.lockKey = hashToInt(`outbox:${options.service}`);
    options.wakeups?.on('outbox_message', () => this.nap.wake());
    lazyGauge('outbox_backlog', 'Events in the outbox not yet published', [], async (gauge) => {
      gauge.set((await this.stats()).backlog);
    });
    lazyGauge('outbox_oldest_age_seconds', 'Age of the oldest unpublished event', [], async (gauge) => {
      gauge.set((await this.stats()).oldestAgeSeconds);
    });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nap.wake();
    this.backoff.wake();
    await this.loop;
    await this.producer.disconnect();
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.dataSource.query<Array<{ backlog: number; age: number }>>(
      `SELECT count(*)::int AS backlog,
              coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
         FROM outbox_message WHERE published_at IS NULL`,
    );
    return { backlog: row.backlog, oldestAgeSeconds: row.age, published: this.published };
  }

  private async run(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 1_000;
    const maxBackoff = this.options.maxBackoffMs ?? 10_000;
    let failures = 0;
    while (this.running) {
      let sent: number;
      try {
        sent = await this.publishBatch();
        failures = 0;
        await this.cleanupIfDue();
      } catch (error) {
        failures += 1;
        const delay = Math.min(maxBackoff, FIRST_BACKOFF_MS * 2 ** failures);
        this.logger.warn(`publishing failed (attempt ${failures}), retrying in ${delay} ms: ${describe(error)}`);
        await this.backoff.sleep(delay);
        continue;
      }
      if (sent < (this.options.batchSize ?? 200)) await this.nap.sleep(poll);
    }
  }

  private async publishBatch(): Promise<number> {
    const outcome = await this.dataSource.transaction(async (tx): Promise<BatchOutcome> => {
      const [{ locked }] = await tx.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [this.lockKey],
      );
      if (!locked) return { sent: 0 };
      const batch = await tx
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where('m.published_at IS NULL')
        .orderBy('m.position', 'ASC')
        .limit(this.options.batchSize ?? 200)
        .setLock('pessimistic_write')
        .getMany();
      if (batch.length === 0) return { sent: 0 };
      const spans = batch.map((message) => startPublishSpan(message));
      const byTopic = new Map<string, Message[]>();
      batch.forEach((m, i) => {
        const messages = byTopic.get(m.topic) ?? [];
        messages.push({ key: m.messageKey, value: JSON.stringify(m.envelope), headers: spans[i].headers });
        byTopic.set(m.topic, messages);
      });
      try {
        // Each message already carries its own span (startPublishSpan); the kafkajs instrumentation would add one
        // per message parented on this loop, and put that in the headers instead.
        await context.with(suppressTracing(context.active()), () =>
          this.producer.sendBatch({
            acks: -1,
            // A call's event names every invitee (about 260 bytes each): gzip keeps a national call of 10,000
            // under the broker's 1 MB record-batch limit, and costs little on the small events.
            compression: CompressionTypes.GZIP,
            topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
          }),
        );
        endPublishSpans(spans);
      } catch (error) {
        endPublishSpans(spans, error);
        // Keep the failure visible on the rows, then let the loop back off.
        await tx
          .createQueryBuilder()
          .update(OutboxMessage)
          .set({ attempts: () => 'attempts + 1', lastError: describe(error).slice(0, 2000) })
          .whereInIds(batch.map((m) => m.id))
          .execute();
        return { sent: 0, error };
      }
      await tx
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ publishedAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null })
        .whereInIds(batch.map((m) => m.id))
        .execute();
      return { sent: batch.length };
    });
    if ('error' in outcome) throw outcome.error;
    this.published += outcome.sent;
    outboxPublished.inc(outcome.sent);
    return outcome.sent;
  }

  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < 10 * 60_000) return;
    this.lastCleanup = Date.now();
    const days = this.options.retentionDays ?? 14;
    await this.dataSource.query(`DELETE FROM outbox_message WHERE published_at < now() - make_interval(days => $1)`, [
      days,
    ]);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function hashToInt(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(31, hash) + char.charCodeAt(0)) | 0;
  return hash;
}
