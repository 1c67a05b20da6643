import { Controller, HttpCode, Param, Query } from '@nestjs/common';
import { Actor, IdParam, InternalApi, ListDeliveriesQuery, validateInto } from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { ListDeliveries } from '../application/list-deliveries';
import { ResendDelivery } from '../application/resend-delivery';

/** The gateway's internal routes for every message sent: they validate, then delegate. */
@Controller()
export class DeliveriesController {
  constructor(
    private readonly deliveries: ListDeliveries,
    private readonly resending: ResendDelivery,
  ) {}

  @InternalEndpoint(InternalApi.notifications.listDeliveries)
  async list(@Query() query: unknown, @CallingActor() actor: Actor) {
    return this.deliveries.list(await validateInto(ListDeliveriesQuery, query, { forbidUnknown: false }), actor);
  }

  /** Changes a delivery rather than creating one: 200, as the public route answers. */
  @InternalEndpoint(InternalApi.notifications.resendDelivery)
  @HttpCode(200)
  async resend(@Param() params: unknown, @CallingActor() actor: Actor) {
    return this.resending.resend((await validateInto(IdParam, params)).id, actor);
  }
}
