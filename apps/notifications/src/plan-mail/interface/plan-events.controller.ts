import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { PlanMailService } from '../application/plan-mail.service';

/** Submissions' obstacle-report and information-offer events that lead to mail. */
@Controller()
export class PlanEventsController {
  constructor(
    private readonly planMail: PlanMailService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.obstacleReport)
  onObstacleReportEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.obstacle-reports', value, context, {
      [EventTypes.obstacleReported]: (data, tx, event) => this.planMail.onObstacleEvent(data, tx, event),
      [EventTypes.obstacleForwarded]: (data, tx, event) => this.planMail.onObstacleEvent(data, tx, event),
      [EventTypes.obstacleResolved]: (data, tx, event) => this.planMail.onObstacleEvent(data, tx, event),
    });
  }

  @EventPattern(Topics.informationOffer)
  onInformationOfferEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.information-offers', value, context, {
      [EventTypes.informationOfferDecided]: (data, tx, event) => this.planMail.onOfferDecided(data, tx, event),
    });
  }
}
