import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  Actor,
  DeclareNothingToReportDto,
  EventTypes,
  IdParam,
  InternalApi,
  NominateRepresentativesDto,
  PageQuery,
  Topics,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, EventInbox, InternalEndpoint } from '@pressconf/messaging';
import { BriefRequestAnswers } from '../application/brief-request-answers';
import { BriefRequestsService } from '../application/brief-requests.service';
import { InviteeChangesService } from '../application/invitee-changes.service';

@Controller()
export class BriefRequestsController {
  constructor(
    private readonly requests: BriefRequestsService,
    private readonly answers: BriefRequestAnswers,
    private readonly inviteeChanges: InviteeChangesService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.conference)
  onConferenceEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('submissions.brief-requests', value, context, {
      [EventTypes.conferenceCalled]: (data, tx) => this.requests.openForCalledConference(data, tx),
      [EventTypes.conferenceRescheduled]: (data, tx) => this.requests.moveForRescheduledConference(data, tx),
      [EventTypes.conferenceCancelled]: (data, tx) => this.requests.closeForCancelledConference(data, tx),
      [EventTypes.conferenceInviteesChanged]: (data, tx) => this.inviteeChanges.onInviteesChanged(data, tx),
    });
  }

  @InternalEndpoint(InternalApi.submissions.listBriefRequests)
  async listForConference(@Param() params: unknown, @Query() query: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.answers.listForConference(id, actor, await validateInto(PageQuery, query, { forbidUnknown: false }));
  }

  @InternalEndpoint(InternalApi.submissions.getBriefRequest)
  async get(@Param() params: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.answers.get(id, actor);
  }

  @InternalEndpoint(InternalApi.submissions.nominateRepresentatives)
  async nominate(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.answers.nominate(id, await validateInto(NominateRepresentativesDto, body), actor);
  }

  @InternalEndpoint(InternalApi.submissions.declareNothingToReport)
  @HttpCode(200)
  async declareNothingToReport(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.answers.declareNothingToReport(id, await validateInto(DeclareNothingToReportDto, body), actor);
  }
}
