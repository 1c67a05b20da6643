import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventHandlers, EventInbox } from '@pressconf/messaging';
import { EventType, Topic, TOPIC_OF_EVENT, Topics } from '@pressconf/contracts';
import { WebhookFanOut } from '../application/webhook-fan-out';

/**
 * The webhooks' own consumer of every topic of the contract. Nest chains every handler of a pattern (Server.addHandler
 * links them; each runs), so this sits beside the mail handlers of the same topics, each through its own consumer
 * name and inbox rows: the events are queued for the subscribers whatever the mail handlers make of them.
 */
export const WEBHOOKS_CONSUMER = 'notifications.webhooks';

@Controller()
export class WebhookEventsHandler {
  constructor(
    private readonly inbox: EventInbox,
    private readonly fanOut: WebhookFanOut,
  ) {}

  /** A handler for each event type of the topic, queuing the envelope as it came. */
  private queue(value: unknown, context: KafkaContext) {
    const topic = context.getTopic() as Topic;
    const handlers: EventHandlers = {};
    for (const [type, on] of Object.entries(TOPIC_OF_EVENT) as Array<[EventType, Topic]>) {
      if (on === topic) handlers[type] = (_data, tx, envelope) => this.fanOut.enqueue(tx, envelope, value);
    }
    return this.inbox.process(WEBHOOKS_CONSUMER, value, context, handlers);
  }

  @EventPattern(Topics.incident)
  onIncident(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.conference)
  onConference(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.briefRequest)
  onBriefRequest(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.briefingPack)
  onBriefingPack(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.invitation)
  onInvitation(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.agency)
  onAgency(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.obstacleReport)
  onObstacleReport(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }

  @EventPattern(Topics.informationOffer)
  onInformationOffer(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.queue(value, context);
  }
}
