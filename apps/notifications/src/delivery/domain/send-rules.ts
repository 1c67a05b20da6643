import type { ConferenceStatus, RsvpState } from '@pressconf/contracts';
import { isReminded } from '../../invitations/domain/invitee-reminder';
import { DeliveryKind, survivesCancellation } from './delivery-kind';

/** Brief request states as notifications follows them from submissions' events. */
export const BriefRequestStates = ['OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED', 'OVERDUE', 'CLOSED'] as const;
export type BriefRequestState = (typeof BriefRequestStates)[number];

/** The agency still owes its brief: requests and reminders make sense. */
export const OUTSTANDING_BRIEF_STATES: readonly BriefRequestState[] = ['OPEN', 'RETURNED'];

export function briefOutstanding(status: BriefRequestState): boolean {
  return OUTSTANDING_BRIEF_STATES.includes(status);
}

export interface SendContext {
  conference?: { status: ConferenceStatus; startsAt: Date };
  rsvp?: RsvpState;
  /** The invitee's agency was removed after the call. */
  withdrawn?: boolean;
  briefRequest?: { status: BriefRequestState; dueAt: Date };
}

/**
 * Why a queued message must not go out any more, checked at send time against what notifications knows then
 * (mail may wait in the queue, or in retries, while things change); undefined when it may go.
 */
export function reasonNotToSend(kind: DeliveryKind, context: SendContext, now: Date = new Date()): string | undefined {
  const { conference, briefRequest } = context;
  if (conference?.status === 'CANCELLED' && !survivesCancellation(kind)) return 'the conference was cancelled';
  if (context.withdrawn && kind !== 'INVITATION_WITHDRAWN') return 'the invitation was withdrawn';
  switch (kind) {
    case 'INVITATION_URGENT_REMINDER':
      if (context.rsvp !== undefined && context.rsvp !== 'PENDING') return 'the invitee has answered';
      if (conference && conference.startsAt <= now) return 'the conference has started';
      return undefined;
    case 'INVITATION_REMINDER':
      if (context.rsvp !== undefined && !isReminded(context.rsvp)) return 'the invitee will not attend';
      if (conference && conference.startsAt <= now) return 'the conference has started';
      return undefined;
    case 'BRIEF_REQUEST':
      if (briefRequest?.status === 'CLOSED') return 'the brief request was closed';
      return undefined;
    case 'BRIEF_REMINDER':
      if (briefRequest && !briefOutstanding(briefRequest.status)) return `the brief request is ${briefRequest.status}`;
      if (briefRequest && briefRequest.dueAt <= now) return 'the brief is already due';
      return undefined;
    case 'BRIEF_OVERDUE':
    case 'BRIEF_DUE_MOVED':
      if (briefRequest && ['SUBMITTED', 'ACCEPTED', 'CLOSED'].includes(briefRequest.status)) {
        return `the brief request is ${briefRequest.status}`;
      }
      return undefined;
    default:
      return undefined;
  }
}
