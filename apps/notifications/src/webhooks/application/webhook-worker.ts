import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { context } from '@opentelemetry/api';
import { DataSource, In } from 'typeorm';
import { Nap, pauseUntil, restoreTraceContext, TableWakeups } from '@pressconf/messaging';
import { WEBHOOK_TEST_EVENT_TYPE } from '@pressconf/contracts';
import type { NotificationsConfig } from '../../config';
import { nextDueIn, nextToSend, QueuedDelivery } from '../domain/delivery-order';
import { signatureHeaders, signingSecrets } from '../domain/signing';
import { WebhookDeliveryEntity } from '../infrastructure/webhook-delivery.entity';
import { WebhookSender, PostOutcome } from '../infrastructure/webhook-sender';
import { WebhookSubscriptionEntity } from '../infrastructure/webhook-subscription.entity';
import { WebhookTargets } from '../infrastructure/webhook-targets';
import { WebhookOutcomes } from './webhook-outcomes';

/**
 * Sends queued webhook deliveries apart from event consumption, in the shape of the mail worker: lease what is due
 * (an expired lease makes a delivery due again, so a crash sends it again: at least once), send, record. Unlike
 * mail it does not wait for a whole batch: it keeps up to WEBHOOK_CONCURRENCY deliveries in flight and fills a
 * place as soon as one frees, so a receiver that takes its full timeout holds one place, not the round.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly concurrency = this.config.get('WEBHOOK_CONCURRENCY', { infer: true });
  private readonly perSubscription = this.config.get('WEBHOOK_CONCURRENCY_PER_SUBSCRIPTION', { infer: true });
  private readonly pollMs = this.config.get('WEBHOOK_POLL_INTERVAL_MS', { infer: true });
  private readonly leaseMs = this.config.get('WEBHOOK_LEASE_MS', { infer: true });
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop?: Promise<void>;
  private readonly nap = new Nap();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<NotificationsConfig, true>,
    private readonly targets: WebhookTargets,
    private readonly sender: WebhookSender,
    private readonly outcomes: WebhookOutcomes,
    wakeups: TableWakeups,
  ) {
    wakeups.on('webhook_delivery', () => this.nap.wake());
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops leasing and finishes what is in flight while the database pool is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.nap.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.concurrency - this.inFlight.size;
      let started = 0;
      let dueInMs: number | null = null;
      if (free > 0) {
        try {
          const round = await this.lease(free);
          started = round.leased.length;
          dueInMs = round.dueInMs;
          for (const { delivery, subscription } of round.leased) {
            const sending = context.with(restoreTraceContext(delivery.traceContext), () =>
              this.deliver(delivery, subscription),
            );
            this.inFlight.add(sending);
            void sending.finally(() => {
              this.inFlight.delete(sending);
              this.nap.wake(); // a place is free, and the next delivery of its conference may be due
            });
          }
        } catch (error) {
          this.logger.error(`webhook loop failed: ${String(error)}`);
        }
      }
      // Until the next retry or lease end; new deliveries, new due times and freed places wake it sooner.
      if (started < free || free <= 0) await this.nap.sleep(pauseUntil(dueInMs, this.pollMs));
    }
    await Promise.all(this.inFlight);
  }

  /** The first PENDING delivery of every (subscription, ordering key); those the order and shares allow are leased. */
  private async lease(free: number): Promise<{
    leased: Array<{ delivery: WebhookDeliveryEntity; subscription: WebhookSubscriptionEntity }>;
    dueInMs: number | null;
  }> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT DISTINCT ON (d.subscription_id, d.ordering_key)
                d.id, d.subscription_id, d.ordering_key, d.position, d.next_attempt_at, d.locked_until, now() AS now
           FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
          WHERE d.status = 'PENDING' AND (s.enabled OR d.event_type = $1)
          ORDER BY d.subscription_id, d.ordering_key, d.position`,
      [WEBHOOK_TEST_EVENT_TYPE],
    );
    const heads: Array<QueuedDelivery & { now: Date }> = rows.map((row) => ({
      id: row.id as string,
      subscriptionId: row.subscription_id as string,
      orderingKey: row.ordering_key as string,
      position: Number(row.position),
      nextAttemptAt: row.next_attempt_at as Date,
      leasedUntil: row.locked_until as Date | null,
      now: row.now as Date,
    }));
    if (heads.length === 0) return { leased: [], dueInMs: null };
    const dueInMs = nextDueIn(heads, heads[0].now);
    const chosen = nextToSend(heads, { slots: free, perSubscription: this.perSubscription }, heads[0].now);
    if (chosen.length === 0) return { leased: [], dueInMs };
    // Leased only if still free and due: another replica may have taken it meanwhile.
    const leased: Array<{ id: string }> = await this.dataSource.query(
      `WITH leased AS (
         UPDATE webhook_delivery SET locked_until = now() + make_interval(secs => $2::float / 1000),
                                     attempts = attempts + 1, last_attempt_at = now()
          WHERE id = ANY ($1::uuid[]) AND status = 'PENDING' AND next_attempt_at <= now()
            AND (locked_until IS NULL OR locked_until < now())
          RETURNING id)
       SELECT id FROM leased`,
      [chosen.map((d) => d.id), this.leaseMs],
    );
    if (leased.length === 0) return { leased: [], dueInMs };
    const deliveries = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .findBy({ id: In(leased.map((r) => r.id)) });
    const subscriptions = await this.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .findBy({ id: In([...new Set(deliveries.map((d) => d.subscriptionId))]) });
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    return {
      leased: deliveries.flatMap((delivery) => {
        const subscription = byId.get(delivery.subscriptionId);
        return subscription ? [{ delivery, subscription }] : [];
      }),
      dueInMs,
    };
  }

  /** The address is checked again at every attempt: DNS may have changed since the subscription was made. */
  private async deliver(delivery: WebhookDeliveryEntity, subscription: WebhookSubscriptionEntity): Promise<void> {
    try {
      const resolution = await this.targets.resolve(subscription.url);
      const outcome: PostOutcome = resolution.ok
        ? await this.sender.post(
            resolution.target,
            delivery.payload,
            signatureHeaders(delivery.eventId, delivery.payload, signingSecrets(subscription)),
          )
        : { statusCode: null, durationMs: 0, error: `not sent: the url ${resolution.reason}` };
      await this.outcomes.record(delivery, outcome);
    } catch (error) {
      // Unrecorded, the delivery goes again once its lease ends.
      this.logger.error(`webhook delivery ${delivery.id} could not be recorded: ${String(error)}`);
    }
  }
}
