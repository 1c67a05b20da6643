import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ListWebhookDeliveriesQuery,
  NotFoundError,
  Page,
  StateConflictError,
  WEBHOOK_TEST_EVENT_TYPE,
  WebhookDeliveryView,
} from '@pressconf/contracts';
import { captureTraceContext, RequestContexts } from '@pressconf/messaging';
import { WebhookAttemptEntity } from '../infrastructure/webhook-attempt.entity';
import { WebhookDeliveryEntity } from '../infrastructure/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from '../infrastructure/webhook-subscription.entity';
import { toWebhookDeliveryView } from './webhook-views';

/** A subscription's deliveries with every attempt, the retry of a failed one by hand, and the signed test event. */
@Injectable()
export class WebhookDeliveryLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(subscriptionId: string, query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    await this.subscription(this.dataSource.manager, subscriptionId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(WebhookDeliveryEntity).findAndCount({
      where: { subscriptionId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', position: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const attempts = rows.length
      ? await this.dataSource.getRepository(WebhookAttemptEntity).findBy({ deliveryId: In(rows.map((r) => r.id)) })
      : [];
    return {
      items: rows.map((d) =>
        toWebhookDeliveryView(
          d,
          attempts.filter((a) => a.deliveryId === d.id),
        ),
      ),
      page,
      pageSize,
      total,
    };
  }

  /**
   * Queues a FAILED (given up) delivery again, due at once, with a fresh give-up window. 409 when it was delivered
   * or is already queued. It keeps its place: later deliveries of its key wait for it again.
   */
  async retry(subscriptionId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    return this.dataSource.transaction(async (tx) => {
      const delivery = await tx.findOne(WebhookDeliveryEntity, {
        where: { id: deliveryId, subscriptionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw new NotFoundError('Webhook delivery', deliveryId);
      if (delivery.status !== 'FAILED') {
        const why = delivery.status === 'DELIVERED' ? 'it was delivered' : 'it is already queued';
        throw new StateConflictError(`The webhook delivery cannot be retried: ${why}.`, delivery.status);
      }
      Object.assign(delivery, {
        status: 'PENDING',
        nextAttemptAt: new Date(),
        lockedUntil: null,
        failingSince: null,
      } satisfies Partial<WebhookDeliveryEntity>);
      await tx.save(delivery);
      return this.view(tx, delivery);
    });
  }

  /**
   * Queues a `webhook.test` event for the subscription, signed and sent like any other, on an ordering key of its
   * own (it waits for nothing). Answered at once with the queued delivery; its log shows what the receiver said.
   */
  async sendTest(subscriptionId: string): Promise<WebhookDeliveryView> {
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.subscription(tx, subscriptionId);
      const id = randomUUID();
      const envelope = {
        id,
        type: WEBHOOK_TEST_EVENT_TYPE,
        version: 1,
        occurredAt: new Date().toISOString(),
        source: 'notifications',
        subject: subscription.id,
        correlationId: RequestContexts.current()?.correlationId ?? id,
        data: { subscriptionId: subscription.id, message: 'A test event: this subscription reaches its receiver.' },
      };
      const delivery = tx.create(WebhookDeliveryEntity, {
        id: randomUUID(),
        subscriptionId,
        eventId: id,
        eventType: WEBHOOK_TEST_EVENT_TYPE,
        orderingKey: `test:${id}`,
        payload: JSON.stringify(envelope),
        status: 'PENDING',
        nextAttemptAt: new Date(),
        traceContext: captureTraceContext(),
      });
      await tx.insert(WebhookDeliveryEntity, delivery);
      return this.view(tx, await tx.findOneByOrFail(WebhookDeliveryEntity, { id: delivery.id }));
    });
  }

  private async view(tx: EntityManager, delivery: WebhookDeliveryEntity): Promise<WebhookDeliveryView> {
    return toWebhookDeliveryView(delivery, await tx.findBy(WebhookAttemptEntity, { deliveryId: delivery.id }));
  }

  private async subscription(tx: EntityManager, id: string): Promise<WebhookSubscriptionEntity> {
    const subscription = await tx.findOneBy(WebhookSubscriptionEntity, { id });
    if (!subscription) throw new NotFoundError('Webhook subscription', id);
    return subscription;
  }
}
