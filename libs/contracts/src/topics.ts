import type { ServiceName } from './internal-api';

/**
 * Every Kafka topic of the system, frozen here: renaming one is a breaking change of the public contract.
 * One topic per aggregate so that one conference's events keep their order (the key is the conference id).
 */
export const Topics = {
  incident: 'scheduling.incident.v1',
  conference: 'scheduling.conference.v1',
  briefRequest: 'submissions.brief-request.v1',
  briefingPack: 'submissions.briefing-pack.v1',
  invitation: 'notifications.invitation.v1',
  agency: 'scheduling.agency.v1',
  obstacleReport: 'submissions.obstacle-report.v1',
  informationOffer: 'submissions.information-offer.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const EVENT_TOPICS: readonly Topic[] = Object.values(Topics);

/** Where a message that cannot be handled after bounded retries ends up, with the reason in its headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** The service that publishes a topic: the first part of its name (`scheduling.conference.v1` → scheduling). */
export function publisherOf(topic: Topic): ServiceName {
  return topic.slice(0, topic.indexOf('.')) as ServiceName;
}

/**
 * The topics each service consumes: the topics of its `@EventPattern` handlers (tools/deploy checks the two agree).
 * With the publishers, this is what each service may do on Kafka: the Kafka users' ACLs and the topics a service
 * makes sure of at start follow from it.
 */
export const SUBSCRIPTIONS: Record<ServiceName, readonly Topic[]> = {
  // Besides the answers and offers it acts on, scheduling feeds its activity-report projection from every fact the
  // report counts, its own events included (the projection keeps its own inbox like any consumer).
  scheduling: [
    Topics.agency,
    Topics.incident,
    Topics.conference,
    Topics.briefRequest,
    Topics.invitation,
    Topics.obstacleReport,
    Topics.informationOffer,
  ],
  submissions: [Topics.conference],
  notifications: [
    Topics.agency,
    Topics.incident,
    Topics.conference,
    Topics.briefRequest,
    Topics.briefingPack,
    Topics.obstacleReport,
    Topics.informationOffer,
    // Its own answers too: webhook subscribers may ask for any event of the contract.
    Topics.invitation,
  ],
};

export const EventTypes = {
  incidentReported: 'scheduling.incident.reported.v1',
  incidentDeadlineBreached: 'scheduling.incident.deadline-breached.v1',
  conferenceCalled: 'scheduling.conference.called.v1',
  conferenceRescheduled: 'scheduling.conference.rescheduled.v1',
  conferenceCancelled: 'scheduling.conference.cancelled.v1',
  conferenceCompleted: 'scheduling.conference.completed.v1',
  conferenceAgendaChanged: 'scheduling.conference.agenda-changed.v1',
  conferenceInviteesChanged: 'scheduling.conference.invitees-changed.v1',
  briefRequestOpened: 'submissions.brief-request.opened.v1',
  briefRequestOverdue: 'submissions.brief-request.overdue.v1',
  briefRequestClosed: 'submissions.brief-request.closed.v1',
  briefRequestDueMoved: 'submissions.brief-request.due-moved.v1',
  briefSubmitted: 'submissions.brief.submitted.v1',
  briefReviewed: 'submissions.brief.reviewed.v1',
  briefingPackCompiled: 'submissions.briefing-pack.compiled.v1',
  invitationSent: 'notifications.invitation.sent.v1',
  invitationFailed: 'notifications.invitation.failed.v1',
  rsvpReceived: 'notifications.rsvp.received.v1',
  agencyRegistered: 'scheduling.agency.registered.v1',
  agencyChanged: 'scheduling.agency.changed.v1',
  obstacleReported: 'submissions.obstacle-report.reported.v1',
  obstacleForwarded: 'submissions.obstacle-report.forwarded.v1',
  obstacleResolved: 'submissions.obstacle-report.resolved.v1',
  informationOffered: 'submissions.information-offer.offered.v1',
  informationOfferDecided: 'submissions.information-offer.decided.v1',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

/** The topic each event type is published on. */
export const TOPIC_OF_EVENT: Record<EventType, Topic> = {
  [EventTypes.incidentReported]: Topics.incident,
  [EventTypes.incidentDeadlineBreached]: Topics.incident,
  [EventTypes.conferenceCalled]: Topics.conference,
  [EventTypes.conferenceRescheduled]: Topics.conference,
  [EventTypes.conferenceCancelled]: Topics.conference,
  [EventTypes.conferenceCompleted]: Topics.conference,
  [EventTypes.conferenceAgendaChanged]: Topics.conference,
  [EventTypes.conferenceInviteesChanged]: Topics.conference,
  [EventTypes.briefRequestOpened]: Topics.briefRequest,
  [EventTypes.briefRequestOverdue]: Topics.briefRequest,
  [EventTypes.briefRequestClosed]: Topics.briefRequest,
  [EventTypes.briefRequestDueMoved]: Topics.briefRequest,
  [EventTypes.briefSubmitted]: Topics.briefRequest,
  [EventTypes.briefReviewed]: Topics.briefRequest,
  [EventTypes.briefingPackCompiled]: Topics.briefingPack,
  [EventTypes.invitationSent]: Topics.invitation,
  [EventTypes.invitationFailed]: Topics.invitation,
  [EventTypes.rsvpReceived]: Topics.invitation,
  [EventTypes.agencyRegistered]: Topics.agency,
  [EventTypes.agencyChanged]: Topics.agency,
  [EventTypes.obstacleReported]: Topics.obstacleReport,
  [EventTypes.obstacleForwarded]: Topics.obstacleReport,
  [EventTypes.obstacleResolved]: Topics.obstacleReport,
  [EventTypes.informationOffered]: Topics.informationOffer,
  [EventTypes.informationOfferDecided]: Topics.informationOffer,
};
