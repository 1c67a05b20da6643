import { Controller, Param, Query } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  Actor,
  EventTypes,
  IdParam,
  InternalApi,
  ListInvitationsQuery,
  Topics,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, EventInbox, InternalEndpoint } from '@pressconf/messaging';
import { ConferenceChangesService } from '../application/conference-changes.service';
import { InvitationsService } from '../application/invitations.service';

@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly changes: ConferenceChangesService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.conference)
  onConferenceEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('notifications.invitations', value, context, {
      [EventTypes.conferenceCalled]: (data, tx, event) => this.invitations.inviteForCalledConference(data, tx, event),
      [EventTypes.conferenceRescheduled]: (data, tx, event) => this.changes.onRescheduled(data, tx, event),
      [EventTypes.conferenceCancelled]: (data, tx, event) => this.changes.onCancelled(data, tx, event),
      [EventTypes.conferenceAgendaChanged]: (data, tx, event) => this.changes.onAgendaChanged(data, tx, event),
      [EventTypes.conferenceInviteesChanged]: (data, tx, event) => this.changes.onInviteesChanged(data, tx, event),
      [EventTypes.conferenceCompleted]: (data, tx) => this.invitations.markCompleted(data, tx),
    });
  }

  @InternalEndpoint(InternalApi.notifications.listInvitations)
  async listForConference(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
  ) {
    await validateInto(IdParam, { id });
    return this.invitations.listForConference(id, actor, await validateInto(ListInvitationsQuery, query));
  }
}
