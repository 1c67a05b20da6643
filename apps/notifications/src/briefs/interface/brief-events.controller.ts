import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { BriefMailService } from '../application/brief-mail.service';

/**
 * Submissions' events that lead to mail, move reminders (a moved due time) or stop them (a brief submitted, a
 * request closed).
 */
@Controller()
export class BriefEventsController {
  constructor(
    private readonly briefMail: BriefMailService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.briefRequest)
  onBriefRequestEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.briefs', value, context, {
      [EventTypes.briefRequestOpened]: (data, tx, event) => this.briefMail.onOpened(data, tx, event),
      [EventTypes.briefRequestOverdue]: (data, tx, event) => this.briefMail.onOverdue(data, tx, event),
      [EventTypes.briefRequestDueMoved]: (data, tx, event) => this.briefMail.onDueMoved(data, tx, event),
      [EventTypes.briefRequestClosed]: (data, tx) => this.briefMail.onClosed(data, tx),
      [EventTypes.briefSubmitted]: (data, tx) => this.briefMail.onSubmitted(data, tx),
      [EventTypes.briefReviewed]: (data, tx) => this.briefMail.onReviewed(data, tx),
    });
  }

  @EventPattern(Topics.briefingPack)
  onBriefingPackEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.briefing-pack', value, context, {
      [EventTypes.briefingPackCompiled]: (data, tx, event) => this.briefMail.onPackCompiled(data, tx, event),
    });
  }
}
