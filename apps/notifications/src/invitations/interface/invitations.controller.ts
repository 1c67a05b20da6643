import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import {
  EventTypes,
  IdParam,
  ListInvitationsQuery,
  RpcPatterns,
  RpcRequest,
  Topics,
  validateInto,
} from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { InvitationsService } from '../application/invitations.service';

@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.conference)
  onConferenceEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.invitations', value, context, {
      [EventTypes.conferenceCalled]: (data, tx, event) => this.invitations.inviteForCalledConference(data, tx, event),
      [EventTypes.conferenceRescheduled]: (data, tx, event) => this.invitations.notifyRescheduled(data, tx, event),
      [EventTypes.conferenceCancelled]: (data, tx, event) => this.invitations.notifyCancelled(data, tx, event),
      [EventTypes.conferenceCompleted]: (data, tx) => this.invitations.markCompleted(data, tx),
    });
  }

  @MessagePattern(RpcPatterns.notifications.listInvitations)
  async listForConference(@Payload() request: RpcRequest<{ id: string } & ListInvitationsQuery>) {
    const { id, ...query } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.invitations.listForConference(id, request.meta.actor, await validateInto(ListInvitationsQuery, query));
  }
}
