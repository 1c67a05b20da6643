import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CreateWebhookSubscriptionDto,
  IdParam,
  InternalApi,
  ListWebhookDeliveriesQuery,
  Page,
  PageQuery,
  UpdateWebhookSubscriptionDto,
  WebhookDeliveryParams,
  WebhookDeliveryStatuses,
  WebhookDeliveryView,
  WebhookSubscriptionView,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { body, query } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

const SIGNING =
  'Each event is POSTed as its envelope (JSON) with the Standard Webhooks headers `webhook-id` (the event id), ' +
  '`webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of ' +
  '"{webhook-id}.{webhook-timestamp}.{body}">` keyed with the secret’s bytes; two, space-separated, while a rotated ' +
  'secret overlaps). A 2xx answer within 10 s is delivered; anything else (redirects are not followed) is retried ' +
  'with exponential backoff for 3 days, one conference’s events in order.';

/** Signed webhooks for systems that cannot read Kafka (admins only). */
@ApiTags('Webhooks')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.notifications.createWebhookSubscription.roles)
  @ApiRoute({
    summary: 'Subscribe a receiver to events',
    description:
      '`eventTypes`: event types of the contract’s topics, or `*` for all. The URL must be https and its host must ' +
      'resolve only to public addresses (private, loopback, link-local, CGNAT, multicast, unspecified and metadata ' +
      'addresses are refused with a 400 naming `url`), unless the host is listed in WEBHOOK_ALLOWED_HOSTS (which ' +
      'may also use http). The answer shows the signing `secret` (`whsec_…`) once. ' +
      SIGNING,
    body: 'CreateWebhookSubscriptionDto',
    success: { status: 201, description: 'The subscription, with its secret', schema: 'WebhookSubscriptionView' },
    errors: [400],
  })
  create(
    @Body(body(CreateWebhookSubscriptionDto)) dto: CreateWebhookSubscriptionDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookSubscriptionView> {
    return this.services.call(InternalApi.notifications.createWebhookSubscription, dto, actor);
  }

  @Get()
  @Roles(...InternalApi.notifications.listWebhookSubscriptions.roles)
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'List webhook subscriptions',
    description: 'Newest first, without their secrets.',
    success: { status: 200, description: 'A page of subscriptions', schema: 'WebhookSubscriptionView', list: true },
    errors: [400],
  })
  list(@Query(query(PageQuery)) q: PageQuery, @CurrentActor() actor: Actor): Promise<Page<WebhookSubscriptionView>> {
    return this.services.call(InternalApi.notifications.listWebhookSubscriptions, q, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.notifications.getWebhookSubscription.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get a webhook subscription',
    success: { status: 200, description: 'The subscription', schema: 'WebhookSubscriptionView' },
    errors: [400, 404],
  })
  get(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionView> {
    return this.services.call(InternalApi.notifications.getWebhookSubscription, { id }, actor);
  }

  @Patch(':id')
  @Roles(...InternalApi.notifications.updateWebhookSubscription.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Change or re-enable a webhook subscription, or rotate its secret',
    description:
      'Changes `url` (checked as at creation), `eventTypes`, `description`, `enabled`. Re-enabling one disabled ' +
      'after 3 days of failure sends what waited, in order. `rotateSecret: true` issues a new secret, shown in ' +
      'this answer only; the old one keeps signing beside it for 24 hours (`previousSecretExpiresAt`).',
    body: 'UpdateWebhookSubscriptionDto',
    success: { status: 200, description: 'The subscription', schema: 'WebhookSubscriptionView' },
    errors: [400, 404],
  })
  update(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(UpdateWebhookSubscriptionDto)) dto: UpdateWebhookSubscriptionDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookSubscriptionView> {
    return this.services.call(InternalApi.notifications.updateWebhookSubscription, { id, ...dto }, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...InternalApi.notifications.deleteWebhookSubscription.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Delete a webhook subscription',
    description: 'Its queued deliveries and their log go with it.',
    success: { status: 204, description: 'Deleted' },
    errors: [400, 404],
  })
  async remove(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<void> {
    await this.services.call(InternalApi.notifications.deleteWebhookSubscription, { id }, actor);
  }

  @Get(':id/deliveries')
  @Roles(...InternalApi.notifications.listWebhookDeliveries.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'status', required: false, enum: WebhookDeliveryStatuses })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'The delivery log of a subscription',
    description:
      'Newest first: each event sent or to send, its status (PENDING, DELIVERED, FAILED when given up), the last ' +
      'answer’s status code and duration, the next attempt, and every attempt (`attemptLog`) with its time, status ' +
      'code, duration and error.',
    success: { status: 200, description: 'A page of deliveries', schema: 'WebhookDeliveryView', list: true },
    errors: [400, 404],
  })
  deliveries(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(ListWebhookDeliveriesQuery)) q: ListWebhookDeliveriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<WebhookDeliveryView>> {
    return this.services.call(InternalApi.notifications.listWebhookDeliveries, { id, ...q }, actor);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @Roles(...InternalApi.notifications.retryWebhookDelivery.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'deliveryId', format: 'uuid' })
  @ApiRoute({
    summary: 'Retry a failed webhook delivery',
    description:
      'A FAILED (given up) delivery is queued again, due at once, with 3 days of retries afresh; later events of ' +
      'its conference wait for it again. 409 when it was delivered or is already queued.',
    success: { status: 200, description: 'The delivery, queued again', schema: 'WebhookDeliveryView' },
    errors: [400, 404, 409],
  })
  retry(@Param(body(WebhookDeliveryParams)) p: WebhookDeliveryParams, @CurrentActor() actor: Actor) {
    return this.services.call<WebhookDeliveryView>(InternalApi.notifications.retryWebhookDelivery, { ...p }, actor);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Roles(...InternalApi.notifications.sendWebhookTest.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Send a signed test event',
    description:
      'Queues a `webhook.test` event (`data: {subscriptionId, message}`), signed and sent like any other, even to a ' +
      'disabled subscription; the delivery log shows what the receiver answered.',
    success: { status: 202, description: 'The queued delivery', schema: 'WebhookDeliveryView' },
    errors: [400, 404],
  })
  test(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<WebhookDeliveryView> {
    return this.services.call(InternalApi.notifications.sendWebhookTest, { id }, actor);
  }
}
