import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { IncidentAlertsService } from '../application/incident-alerts.service';

@Controller()
export class IncidentEventsController {
  constructor(
    private readonly alerts: IncidentAlertsService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.incident)
  onIncidentEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.incidents', value, context, {
      [EventTypes.incidentReported]: (data, tx, event) => this.alerts.onReported(data, tx, event),
      [EventTypes.incidentDeadlineBreached]: (data, tx, event) => this.alerts.onDeadlineBreached(data, tx, event),
    });
  }
}
