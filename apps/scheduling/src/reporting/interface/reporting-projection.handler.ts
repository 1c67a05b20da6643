import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { EventTypes, Topics } from '@pressconf/contracts';
import { EventHandlers, EventInbox } from '@pressconf/messaging';
import { Projection } from '../infrastructure/projection';

/**
 * The report's own consumer: it keeps its inbox apart from the modules that act on the same topics (Nest runs every
 * handler of a pattern, each through its own consumer name), so the report could move to a service of its own.
 */
export const REPORTING_CONSUMER = 'scheduling.reporting';

const at = (envelope: { occurredAt: string }) => new Date(envelope.occurredAt);

const HANDLERS: Record<string, EventHandlers> = {
  [Topics.agency]: {
    [EventTypes.agencyRegistered]: (data, tx) => Projection.agency(tx, data),
    [EventTypes.agencyChanged]: (data, tx) => Projection.agency(tx, data),
  },
  [Topics.incident]: {
    [EventTypes.incidentReported]: (data, tx) => Projection.incidentReported(tx, data),
  },
  [Topics.conference]: {
    [EventTypes.conferenceCalled]: (data, tx, envelope) => Projection.conferenceCalled(tx, data, at(envelope)),
    [EventTypes.conferenceRescheduled]: (data, tx) => Projection.conferenceRescheduled(tx, data),
    [EventTypes.conferenceCancelled]: (data, tx, envelope) => Projection.conferenceCancelled(tx, data, at(envelope)),
    [EventTypes.conferenceInviteesChanged]: (data, tx, envelope) => Projection.inviteesChanged(tx, data, at(envelope)),
  },
  [Topics.briefRequest]: {
    [EventTypes.briefRequestOpened]: (data, tx) => Projection.briefRequestOpened(tx, data),
    [EventTypes.briefRequestDueMoved]: (data, tx) => Projection.briefRequestDueMoved(tx, data),
    [EventTypes.briefRequestClosed]: (data, tx) => Projection.briefRequestClosed(tx, data),
    [EventTypes.briefSubmitted]: (data, tx, envelope) => Projection.briefSubmitted(tx, data, at(envelope)),
    [EventTypes.briefReviewed]: (data, tx) => Projection.briefReviewed(tx, data),
  },
  [Topics.invitation]: {
    [EventTypes.invitationSent]: (data, tx, envelope) => Projection.invitationDelivery(tx, data, true, at(envelope)),
    [EventTypes.invitationFailed]: (data, tx, envelope) => Projection.invitationDelivery(tx, data, false, at(envelope)),
    [EventTypes.rsvpReceived]: (data, tx, envelope) => Projection.rsvp(tx, data, at(envelope)),
  },
  [Topics.obstacleReport]: {
    [EventTypes.obstacleReported]: (data, tx) => Projection.obstacleReport(tx, data),
    [EventTypes.obstacleForwarded]: (data, tx) => Projection.obstacleReport(tx, data),
    [EventTypes.obstacleResolved]: (data, tx) => Projection.obstacleReport(tx, data),
  },
  [Topics.informationOffer]: {
    [EventTypes.informationOffered]: (data, tx) => Projection.informationOffer(tx, data),
    [EventTypes.informationOfferDecided]: (data, tx) => Projection.informationOffer(tx, data),
  },
};

/** Feeds the activity report's projection from every fact it counts. */
@Controller()
export class ReportingProjectionHandler {
  constructor(private readonly inbox: EventInbox) {}

  private project(value: unknown, context: KafkaContext) {
    return this.inbox.process(REPORTING_CONSUMER, value, context, HANDLERS[context.getTopic()] ?? {});
  }

  @EventPattern(Topics.agency)
  onAgency(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }

  @EventPattern(Topics.incident)
  onIncident(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }

  @EventPattern(Topics.conference)
  onConference(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }

  @EventPattern(Topics.briefRequest)
  onBriefRequest(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }

  @EventPattern(Topics.invitation)
  onInvitation(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }

  @EventPattern(Topics.obstacleReport)
  onObstacleReport(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }

  @EventPattern(Topics.informationOffer)
  onInformationOffer(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.project(value, context);
  }
}
