import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { RegistryCopy } from '../application/registry-copy';

/** Scheduling's registry events keep notifications' copy of the agencies and their contacts. */
@Controller()
export class AgencyEventsController {
  constructor(
    private readonly registry: RegistryCopy,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.agency)
  onAgencyEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.registry', value, context, {
      [EventTypes.agencyRegistered]: (data, tx, event) => this.registry.replace(data, tx, event),
      [EventTypes.agencyChanged]: (data, tx, event) => this.registry.replace(data, tx, event),
    });
  }
}
