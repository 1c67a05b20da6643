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
  },
  submissions: {
    listBriefRequests: 'submissions.rpc.brief-request.list',
  },
  notifications: {
    listInvitations: 'notifications.rpc.invitation.list',
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
