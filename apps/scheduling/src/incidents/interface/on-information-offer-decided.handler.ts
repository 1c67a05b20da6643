import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { IncidentsService } from '../application/incidents.service';
import { incidentFromOffer } from '../domain/incident-from-offer';

/**
 * The coordinator decided to call an extraordinary conference on information an agency offered: that is an incident,
 * reported once (the inbox records the event in the same transaction), its 24 hours running from the decision.
 */
@Controller()
export class OnInformationOfferDecidedHandler {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.informationOffer)
  handle(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('scheduling.incidents-from-offers', value, context, {
      [EventTypes.informationOfferDecided]: async (data, tx) => {
        const incident = incidentFromOffer(data);
        if (incident) await this.incidents.reportIn(tx, incident);
      },
    });
  }
}
