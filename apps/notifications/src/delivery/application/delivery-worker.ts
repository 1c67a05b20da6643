import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { context } from '@opentelemetry/api';
import {
  captureTraceContext,
  isDatabaseUnavailable,
  Outbox,
  RequestContexts,
  mailDeliveries,
  restoreTraceContext,
  Nap,
  pauseUntil,
  TableWakeups,
} from '@pressconf/messaging';
import { Attempt, outcomeOf } from '../domain/delivery-outcome';
import { RetryPolicy } from '../domain/retry-policy';
import { DeliveryEntity } from '../infrastructure/delivery.entity';
import { ChannelRegistry } from './channel-registry';
import { AttemptResult, recordOutcomes } from './delivery-outcomes';
import { Composition, MessageComposer, SendTimeState } from './message-composer';
import { notificationsConfig } from '../../config';

export const RETRY_POLICY = Symbol('RETRY_POLICY');

/**
 * Sends queued deliveries apart from event consumption, so that a slow or absent mail server never holds up
 * a partition. A round of deliveries is leased, composed from one read of what they concern, sent in parallel,
 * and its outcomes and sent/failed events are recorded together in one transaction per cause. On shutdown it stops
 * leasing and finishes the round in flight, so a planned restart sends nothing twice.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private running = false;
  private loop?: Promise<void>;
  private readonly nap = new Nap();
  private readonly batchSize = notificationsConfig().MAIL_BATCH_SIZE;
  private readonly pollMs = notificationsConfig().MAIL_POLL_INTERVAL_MS;
  private readonly leaseMs = notificationsConfig().MAIL_LEASE_MS;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelRegistry,
    @Inject(RETRY_POLICY) private readonly policy: RetryPolicy,
    private readonly composer: MessageComposer,
    private readonly outbox: Outbox,
    wakeups: TableWakeups,
  ) {
    wakeups.on('delivery', () => this.nap.wake());
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops leasing and finishes the mail in flight while the database pool is still open, then closes SMTP. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.nap.wake();
    await this.loop;
    await this.channels.closeAll();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        const leaseEnds = Date.now() + this.leaseMs;
        const batch = await this.lease();
        claimed = batch.length;
        if (claimed > 0) await this.record(await this.deliverAll(batch), leaseEnds);
      } catch (error) {
        this.logger.error(`delivery loop failed: ${String(error)}`);
      }
      if (claimed < this.batchSize) await this.nap.sleep(await this.untilDue());
    }
  }

  /** Sends a round in parallel, each mail in the trace of the work that queued it (an event's handling, a request). */
  private async deliverAll(batch: DeliveryEntity[]): Promise<AttemptResult[]> {
    const state = await this.composer.load(batch).catch((error: unknown) => ({ unreadable: error }));
    return Promise.all(
      batch.map((delivery) =>
        context.with(restoreTraceContext(delivery.traceContext), async () => {
          const attempt = await this.attempt(delivery, state);
          const invitation = 'unreadable' in state ? undefined : state.invitations.get(delivery.invitationId ?? '');
          return {
            delivery,
            outcome: outcomeOf(delivery, attempt, this.policy),
            traceContext: captureTraceContext(),
            inviteeId: invitation?.inviteeId ?? null,
          };
        }),
      ),
    );
  }

  /**
   * One transaction per cause, under its correlation id (the audit trail's and the events'): a call's fan-out is
   * one cause. A failure leaves that cause's rows leased; they go again when the lease ends.
   */
  private async record(results: AttemptResult[], leaseEnds: number): Promise<void> {
    const byCause = new Map<string, AttemptResult[]>();
    for (const result of results) {
      const group = byCause.get(result.delivery.sourceEventId);
      if (group) group.push(result);
      else byCause.set(result.delivery.sourceEventId, [result]);
    }
    for (const [cause, group] of byCause) {
      try {
        await this.untilRecorded(leaseEnds, () =>
          RequestContexts.run({ correlationId: cause, causationId: cause }, () =>
            this.dataSource.transaction((tx) => recordOutcomes(tx, this.outbox, group)),
          ),
        );
        for (const { delivery, outcome } of group) mailDeliveries.inc({ kind: delivery.kind, outcome: outcome.metric });
      } catch (error) {
        this.logger.error(`recording ${group.length} deliveries of cause ${cause} failed: ${String(error)}`);
      }
    }
  }

  /**
   * How long to sleep when nothing more is due: until the next retry or the end of a lease held by a sender that may
   * have crashed, at most MAIL_POLL_INTERVAL_MS. New mail and every new due time wake the worker sooner (TableWakeups).
   */
  private async untilDue(): Promise<number> {
    try {
      const [row]: Array<{ ms: number | null }> = await this.dataSource.query(
        `SELECT (extract(epoch FROM min(greatest(next_attempt_at, coalesce(locked_until, next_attempt_at))) - now())
                 * 1000)::float AS ms
           FROM delivery WHERE status = 'PENDING'`,
      );
      return pauseUntil(row?.ms ?? null, this.pollMs);
    } catch {
      return this.pollMs;
    }
  }

  /** Takes due deliveries whose lease is free; an expired lease (a crashed sender) makes them due again. */
  private async lease(): Promise<DeliveryEntity[]> {
    // A CTE so that the driver returns the rows (a bare UPDATE answers with a row count beside them).
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH leased AS (
         UPDATE delivery SET locked_until = now() + make_interval(secs => $2::float / 1000), attempts = attempts + 1,
                            last_attempt_at = now()
          WHERE id IN (
            SELECT id FROM delivery
             WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
             ORDER BY next_attempt_at, created_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT id FROM leased`,
      [this.batchSize, this.leaseMs],
    );
    if (rows.length === 0) return [];
    return this.dataSource.getRepository(DeliveryEntity).findBy({ id: In(rows.map((r) => r.id)) });
  }

  /**
   * A mail sent but not recorded goes again once its lease ends: while the database cannot be reached, the
   * outcome is written again and again until shortly before then.
   */
  private async untilRecorded(leaseEnds: number, write: () => Promise<void>): Promise<void> {
    for (let round = 0; ; round += 1) {
      try {
        return await write();
      } catch (error) {
        const delay = Math.min(2000, 100 * 2 ** round);
        if (!isDatabaseUnavailable(error) || Date.now() + delay > leaseEnds - 1000) throw error;
        if (round === 0) this.logger.warn(`recording a round of deliveries waits for the database: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Through the channel the delivery names; one this deployment does not run fails it for good. */
  private async attempt(delivery: DeliveryEntity, state: SendTimeState | { unreadable: unknown }): Promise<Attempt> {
    const channel = this.channels.get(delivery.channel);
    if (!channel) return { kind: 'failed', error: `no ${delivery.channel} channel is configured`, temporary: false };
    let composition: Composition;
    try {
      if ('unreadable' in state) throw state.unreadable;
      composition = await this.composer.compose(delivery, state);
    } catch (error) {
      // A database outage while reading what to say is worth another attempt; anything else will not mend.
      return { kind: 'failed', error: `could not compose: ${String(error)}`, temporary: isDatabaseUnavailable(error) };
    }
    if ('skip' in composition) return { kind: 'skipped', reason: composition.skip };
    return channel.send(composition.message);
  }
}
