import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  CreateWebhookSubscriptionDto,
  NotFoundError,
  Page,
  PageQuery,
  UpdateWebhookSubscriptionDto,
  ValidationFailedError,
  WebhookSubscriptionView,
} from '@pressconf/contracts';
import { newSecret, ROTATION_OVERLAP_MS } from '../domain/signing';
import { WebhookSubscriptionEntity } from '../infrastructure/webhook-subscription.entity';
import { WebhookTargets } from '../infrastructure/webhook-targets';
import { toSubscriptionView } from './webhook-views';

/**
 * The admins' webhook subscriptions (POST, GET, PATCH, DELETE /webhook-subscriptions). The URL is checked when it
 * is given (resolved, and refused with a 400 naming `url` when an address is not public); the secret is issued at
 * creation and rotation and shown in that answer only.
 */
@Injectable()
export class ManageWebhookSubscriptions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: WebhookTargets,
  ) {}

  async create(dto: CreateWebhookSubscriptionDto, actor: Actor): Promise<WebhookSubscriptionView> {
    await this.checkUrl(dto.url);
    const secret = newSecret();
    const subscription = await this.dataSource.getRepository(WebhookSubscriptionEntity).save({
      id: randomUUID(),
      url: dto.url,
      eventTypes: dto.eventTypes,
      description: dto.description ?? null,
      enabled: true,
      disabledReason: null,
      secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      failingSince: null,
      createdBy: actor.subject,
    });
    return toSubscriptionView(subscription, secret);
  }

  async list(query: PageQuery): Promise<Page<WebhookSubscriptionView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(WebhookSubscriptionEntity).findAndCount({
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map((s) => toSubscriptionView(s)), page, pageSize, total };
  }

  async get(id: string): Promise<WebhookSubscriptionView> {
    return toSubscriptionView(await this.find(this.dataSource.manager, id));
  }

  async update(id: string, dto: UpdateWebhookSubscriptionDto): Promise<WebhookSubscriptionView> {
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.find(tx, id, true);
      if (dto.url !== undefined) subscription.url = dto.url;
      if (dto.eventTypes !== undefined) subscription.eventTypes = dto.eventTypes;
      if (dto.description !== undefined) subscription.description = dto.description;
      if (dto.enabled === true && !subscription.enabled) {
        // Back on: what waited goes out at once, in order, and the failure clock starts afresh.
        subscription.failingSince = null;
        await tx.query(
          `UPDATE webhook_delivery SET next_attempt_at = now(), failing_since = NULL
            WHERE subscription_id = $1 AND status = 'PENDING'`,
          [id],
        );
      }
      if (dto.enabled !== undefined) {
        subscription.enabled = dto.enabled;
        subscription.disabledReason = null;
      }
      let issued: string | undefined;
      if (dto.rotateSecret) {
        issued = newSecret();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretExpiresAt = new Date(Date.now() + ROTATION_OVERLAP_MS);
        subscription.secret = issued;
      }
      return toSubscriptionView(await tx.save(subscription), issued);
    });
  }

  /** Its queued deliveries and their log go with it. */
  async remove(id: string): Promise<void> {
    // In a transaction, like every change: the audit trail learns who removed it from the transaction's settings.
    const { affected } = await this.dataSource.transaction((tx) =>
      tx.getRepository(WebhookSubscriptionEntity).delete({ id }),
    );
    if (!affected) throw new NotFoundError('Webhook subscription', id);
  }

  private async checkUrl(url: string): Promise<void> {
    const resolution = await this.targets.resolve(url);
    if (!resolution.ok) throw new ValidationFailedError([{ field: 'url', message: `url ${resolution.reason}` }]);
  }

  private async find(tx: EntityManager, id: string, lock = false): Promise<WebhookSubscriptionEntity> {
    const subscription = await tx.findOne(WebhookSubscriptionEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!subscription) throw new NotFoundError('Webhook subscription', id);
    return subscription;
  }
}
