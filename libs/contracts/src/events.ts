import { EventType, EventTypes } from './topics';
import {
  ConferenceAgendaChangedData,
  ConferenceCalledData,
  ConferenceCancelledData,
  ConferenceCompletedData,
  ConferenceInviteesChangedData,
  ConferenceRescheduledData,
} from './scheduling/events';
import {
  BriefEventData,
  BriefingPackCompiledData,
  BriefRequestDueMovedData,
  BriefRequestEventData,
} from './submissions/brief-request';
import { InvitationDeliveryData, RsvpReceivedData } from './notifications/invitation';
import { IncidentDeadlineBreachedData, IncidentReportedData } from './scheduling/incident';
import { AgencyEventData } from './scheduling/agency-events';
import { ObstacleReportEventData } from './submissions/obstacle-report';
import { InformationOfferEventData } from './submissions/information-offer';

/** The payload class of each event type: consumers validate `data` against it before handling. */
export const EVENT_PAYLOADS: Record<EventType, new () => object> = {
  [EventTypes.incidentReported]: IncidentReportedData,
  [EventTypes.incidentDeadlineBreached]: IncidentDeadlineBreachedData,
  [EventTypes.conferenceCalled]: ConferenceCalledData,
  [EventTypes.conferenceRescheduled]: ConferenceRescheduledData,
  [EventTypes.conferenceCancelled]: ConferenceCancelledData,
  [EventTypes.conferenceCompleted]: ConferenceCompletedData,
  [EventTypes.conferenceAgendaChanged]: ConferenceAgendaChangedData,
  [EventTypes.conferenceInviteesChanged]: ConferenceInviteesChangedData,
  [EventTypes.briefRequestOpened]: BriefRequestEventData,
  [EventTypes.briefRequestOverdue]: BriefRequestEventData,
  [EventTypes.briefRequestClosed]: BriefRequestEventData,
  [EventTypes.briefRequestDueMoved]: BriefRequestDueMovedData,
  [EventTypes.briefSubmitted]: BriefEventData,
  [EventTypes.briefReviewed]: BriefEventData,
  [EventTypes.briefingPackCompiled]: BriefingPackCompiledData,
  [EventTypes.invitationSent]: InvitationDeliveryData,
  [EventTypes.invitationFailed]: InvitationDeliveryData,
  [EventTypes.rsvpReceived]: RsvpReceivedData,
  [EventTypes.agencyRegistered]: AgencyEventData,
  [EventTypes.agencyChanged]: AgencyEventData,
  [EventTypes.obstacleReported]: ObstacleReportEventData,
  [EventTypes.obstacleForwarded]: ObstacleReportEventData,
  [EventTypes.obstacleResolved]: ObstacleReportEventData,
  [EventTypes.informationOffered]: InformationOfferEventData,
  [EventTypes.informationOfferDecided]: InformationOfferEventData,
};

/** Maps each event type to its payload type, so that producers cannot publish a mismatched payload. */
export interface EventDataMap {
  'scheduling.incident.reported.v1': IncidentReportedData;
  'scheduling.incident.deadline-breached.v1': IncidentDeadlineBreachedData;
  'scheduling.conference.called.v1': ConferenceCalledData;
  'scheduling.conference.rescheduled.v1': ConferenceRescheduledData;
  'scheduling.conference.cancelled.v1': ConferenceCancelledData;
  'scheduling.conference.completed.v1': ConferenceCompletedData;
  'scheduling.conference.agenda-changed.v1': ConferenceAgendaChangedData;
  'scheduling.conference.invitees-changed.v1': ConferenceInviteesChangedData;
  'submissions.brief-request.opened.v1': BriefRequestEventData;
  'submissions.brief-request.overdue.v1': BriefRequestEventData;
  'submissions.brief-request.closed.v1': BriefRequestEventData;
  'submissions.brief-request.due-moved.v1': BriefRequestDueMovedData;
  'submissions.brief.submitted.v1': BriefEventData;
  'submissions.brief.reviewed.v1': BriefEventData;
  'submissions.briefing-pack.compiled.v1': BriefingPackCompiledData;
  'notifications.invitation.sent.v1': InvitationDeliveryData;
  'notifications.invitation.failed.v1': InvitationDeliveryData;
  'notifications.rsvp.received.v1': RsvpReceivedData;
  'scheduling.agency.registered.v1': AgencyEventData;
  'scheduling.agency.changed.v1': AgencyEventData;
  'submissions.obstacle-report.reported.v1': ObstacleReportEventData;
  'submissions.obstacle-report.forwarded.v1': ObstacleReportEventData;
  'submissions.obstacle-report.resolved.v1': ObstacleReportEventData;
  'submissions.information-offer.offered.v1': InformationOfferEventData;
  'submissions.information-offer.decided.v1': InformationOfferEventData;
}
