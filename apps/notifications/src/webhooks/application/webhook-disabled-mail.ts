import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryEntity } from '../../delivery/infrastructure/delivery.entity';
import { MailRecipient, MailTemplates, RenderedMail } from '../../rendering';
import { WebhookSubscriptionEntity } from '../infrastructure/webhook-subscription.entity';

/** Renders the admins' mail about a disabled webhook subscription, from the subscription as it stands. */
@Injectable()
export class WebhookDisabledMail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
  ) {}

  async render(
    delivery: DeliveryEntity,
    locale: string,
    base: { recipient: MailRecipient; zone: string },
  ): Promise<RenderedMail> {
    const subscription = await this.dataSource.manager.findOneBy(WebhookSubscriptionEntity, {
      id: delivery.webhookSubscriptionId ?? '',
    });
    if (!subscription) throw new Error('the webhook subscription was deleted');
    const [last]: Array<{ last_error: string | null }> = await this.dataSource.query(
      `SELECT last_error FROM webhook_delivery WHERE subscription_id = $1 AND last_error IS NOT NULL
        ORDER BY last_attempt_at DESC LIMIT 1`,
      [subscription.id],
    );
    return this.templates.render('webhook-disabled', locale, {
      ...base,
      subscription: {
        id: subscription.id,
        url: subscription.url,
        description: subscription.description ?? undefined,
        failingSince: subscription.failingSince ?? delivery.createdAt,
        lastError: last?.last_error ?? undefined,
      },
    });
  }
}
