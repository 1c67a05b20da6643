import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  DeliveryKinds,
  DeliveryStatuses,
  DeliveryView,
  IdParam,
  InternalApi,
  ListDeliveriesQuery,
  Page,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { body, query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

/** Every message the system sent or tried to send, to anyone, and the resend of a failed one. */
@ApiTags('Deliveries')
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Roles(...InternalApi.notifications.listDeliveries.roles)
  @ApiQuery({ name: 'conferenceId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({
    name: 'recipient',
    required: false,
    schema: { type: 'string', maxLength: 320 },
    description: 'Part of the recipient’s address or name, any case',
  })
  @ApiQuery({ name: 'kind', required: false, enum: DeliveryKinds })
  @ApiQuery({ name: 'status', required: false, enum: DeliveryStatuses })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'Every message sent to anyone',
    description:
      'Each message of every kind (invitations and their updates, withdrawals and cancellations, urgent and other ' +
      'reminders, brief requests, reminders and overdue notices, the briefing pack’s link, the hosts’ alerts), ' +
      'newest first: to whom, its status (PENDING while queued or retried, SENT once the mail server accepted ' +
      'it, FAILED when given up or no longer applicable), the attempts, when the last began, the mail server’s ' +
      'reply accepting it (`smtpResponse`) or the refusal or network error of the last failed attempt ' +
      '(`lastError`), and whether it can be queued again (`resendable`).',
    success: { status: 200, description: 'A page of deliveries', schema: 'DeliveryView', list: true },
    errors: [400],
  })
  list(
    @Query(query(ListDeliveriesQuery)) q: ListDeliveriesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<DeliveryView>> {
    return this.services.call(InternalApi.notifications.listDeliveries, q, actor);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Roles(...InternalApi.notifications.resendDelivery.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Queue a failed message again',
    description:
      'A FAILED delivery that the mail server refused or the network lost is queued again: due at once, with ' +
      'MAIL_MAX_ATTEMPTS attempts afresh, rendered from what is known when it goes (a message that no longer ' +
      'applies by then is dropped). Once per failure: 409 while it is queued again, once sent, or when it was ' +
      'not sent because it no longer applied (a cancelled conference, a brief already submitted). The answer ' +
      'is the delivery, PENDING.',
    success: { status: 200, description: 'The delivery, queued again', schema: 'DeliveryView' },
    errors: [400, 404, 409],
  })
  resend(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<DeliveryView> {
    return this.services.call(InternalApi.notifications.resendDelivery, { id }, actor);
  }
}
