import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  Actor,
  CreateWebhookSubscriptionDto,
  IdParam,
  InternalApi,
  ListWebhookDeliveriesQuery,
  PageQuery,
  UpdateWebhookSubscriptionDto,
  validateInto,
  WebhookDeliveryParams,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { ManageWebhookSubscriptions } from '../application/manage-subscriptions';
import { WebhookDeliveryLog } from '../application/webhook-delivery-log';

/** The gateway's internal routes for webhook subscriptions (admins only): they validate, then delegate. */
@Controller()
export class WebhookSubscriptionsController {
  constructor(
    private readonly subscriptions: ManageWebhookSubscriptions,
    private readonly log: WebhookDeliveryLog,
  ) {}

  @InternalEndpoint(InternalApi.notifications.createWebhookSubscription)
  async create(@Body() body: unknown, @CallingActor() actor: Actor) {
    return this.subscriptions.create(await validateInto(CreateWebhookSubscriptionDto, body), actor);
  }

  @InternalEndpoint(InternalApi.notifications.listWebhookSubscriptions)
  async list(@Query() query: unknown) {
    return this.subscriptions.list(await validateInto(PageQuery, query, { forbidUnknown: false }));
  }

  @InternalEndpoint(InternalApi.notifications.getWebhookSubscription)
  async get(@Param() params: unknown) {
    return this.subscriptions.get((await validateInto(IdParam, params)).id);
  }

  @InternalEndpoint(InternalApi.notifications.updateWebhookSubscription)
  async update(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.subscriptions.update(id, await validateInto(UpdateWebhookSubscriptionDto, body));
  }

  @InternalEndpoint(InternalApi.notifications.deleteWebhookSubscription)
  @HttpCode(204)
  async remove(@Param() params: unknown): Promise<void> {
    await this.subscriptions.remove((await validateInto(IdParam, params)).id);
  }

  @InternalEndpoint(InternalApi.notifications.listWebhookDeliveries)
  async deliveries(@Param() params: unknown, @Query() query: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.log.list(id, await validateInto(ListWebhookDeliveriesQuery, query, { forbidUnknown: false }));
  }

  /** Changes a delivery rather than creating one: 200, as the public route answers. */
  @InternalEndpoint(InternalApi.notifications.retryWebhookDelivery)
  @HttpCode(200)
  async retry(@Param() params: unknown) {
    const { id, deliveryId } = await validateInto(WebhookDeliveryParams, params);
    return this.log.retry(id, deliveryId);
  }

  /** Queued, not yet sent: 202, with the delivery whose log will show the receiver's answer. */
  @InternalEndpoint(InternalApi.notifications.sendWebhookTest)
  @HttpCode(202)
  async test(@Param() params: unknown) {
    return this.log.sendTest((await validateInto(IdParam, params)).id);
  }
}
