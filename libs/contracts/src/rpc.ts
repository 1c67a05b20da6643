import { IsUUID } from 'class-validator';
import { Actor } from './common/actor';

/**
 * Request/reply patterns between the gateway and the services. Each is a Kafka topic; its replies travel on
 * `<pattern>.reply`. Frozen like the event topics.
 */
export const RpcPatterns = {
  scheduling: {
    createAgency: 'scheduling.rpc.agency.create',
    listAgencies: 'scheduling.rpc.agency.list',
    getAgency: 'scheduling.rpc.agency.get',
    updateAgency: 'scheduling.rpc.agency.update',
    createConference: 'scheduling.rpc.conference.create',
    listConferences: 'scheduling.rpc.conference.list',
    getConference: 'scheduling.rpc.conference.get',
    callConference: 'scheduling.rpc.conference.call',
    rescheduleConference: 'scheduling.rpc.conference.reschedule',
    cancelConference: 'scheduling.rpc.conference.cancel',
    completeConference: 'scheduling.rpc.conference.complete',
    reportIncident: 'scheduling.rpc.incident.report',
    getIncident: 'scheduling.rpc.incident.get',
    addInvitee: 'scheduling.rpc.conference.invitee.add',
    removeInvitee: 'scheduling.rpc.conference.invitee.remove',
    previewParticipants: 'scheduling.rpc.conference.participants.preview',
    setAgenda: 'scheduling.rpc.conference.agenda.set',
    recordCoHostRequest: 'scheduling.rpc.conference.co-host-request.record',
    createSeries: 'scheduling.rpc.series.create',
    getSeries: 'scheduling.rpc.series.get',
    listOccurrences: 'scheduling.rpc.series.occurrences',
  },
  submissions: {
    listBriefRequests: 'submissions.rpc.brief-request.list',
    getBriefRequest: 'submissions.rpc.brief-request.get',
    nominateRepresentatives: 'submissions.rpc.brief-request.representatives',
    declareNothingToReport: 'submissions.rpc.brief-request.nothing-to-report',
    saveBrief: 'submissions.rpc.brief.save',
    getBrief: 'submissions.rpc.brief.get',
    addBriefAttachmentPart: 'submissions.rpc.brief.attachment.part',
    readBriefAttachment: 'submissions.rpc.brief.attachment.read',
    submitBrief: 'submissions.rpc.brief-request.submit',
    reviewBrief: 'submissions.rpc.brief-request.review',
    addOrientationDocumentPart: 'submissions.rpc.orientation-document.part',
    listOrientationDocuments: 'submissions.rpc.orientation-document.list',
    compileBriefingPack: 'submissions.rpc.briefing-pack.compile',
    readBriefingPack: 'submissions.rpc.briefing-pack.read',
  },
  notifications: {
    listInvitations: 'notifications.rpc.invitation.list',
    getInvitationByToken: 'notifications.rpc.invitation.get-by-token',
    respondToInvitation: 'notifications.rpc.invitation.rsvp',
    getInvitationCalendar: 'notifications.rpc.invitation.calendar',
    getInvitationLetter: 'notifications.rpc.invitation.letter',
  },
} as const;

type ValuesOf<T> = T[keyof T];
export type RpcPattern = ValuesOf<{ [S in keyof typeof RpcPatterns]: ValuesOf<(typeof RpcPatterns)[S]> }>;

export const RPC_PATTERNS: readonly RpcPattern[] = Object.values(RpcPatterns).flatMap(
  (group) => Object.values(group) as RpcPattern[],
);

export function replyTopicOf(pattern: string): string {
  return `${pattern}.reply`;
}

/** What the gateway sends: who asks, under which correlation id, and the request itself. */
export interface RpcRequest<T = unknown> {
  meta: { correlationId: string; actor: Actor; idempotencyKey?: string };
  body: T;
}

export interface ByIdRequest {
  id: string;
}

/** The `{id}` of a path, validated the same way by the gateway and the services. */
export class IdParam implements ByIdRequest {
  @IsUUID()
  id: string;
}
