import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeclareNothingToReportDto,
  EventTypes,
  IdParam,
  NominateRepresentativesDto,
  PageQuery,
  RpcPatterns,
  RpcRequest,
  Topics,
  validateInto,
} from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { idAnd } from '../../common/rpc-input';
import { BriefRequestsService } from '../application/brief-requests.service';

@Controller()
export class BriefRequestsController {
  constructor(
    private readonly requests: BriefRequestsService,
    private readonly inbox: EventInbox,
  ) {}

  @EventPattern(Topics.conference)
  onConferenceEvent(@Payload() value: unknown, @Ctx() context: KafkaContext) {
    return this.inbox.process('submissions.brief-requests', value, context, {
      [EventTypes.conferenceCalled]: (data, tx) => this.requests.openForCalledConference(data, tx),
      [EventTypes.conferenceRescheduled]: (data, tx) => this.requests.moveForRescheduledConference(data, tx),
      [EventTypes.conferenceCancelled]: (data, tx) => this.requests.closeForCancelledConference(data, tx),
    });
  }

  @MessagePattern(RpcPatterns.submissions.listBriefRequests)
  async listForConference(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, PageQuery);
    return this.requests.listForConference(id, request.meta.actor, dto);
  }

  @MessagePattern(RpcPatterns.submissions.getBriefRequest)
  async get(@Payload() request: RpcRequest) {
    const { id } = await validateInto(IdParam, request.body);
    return this.requests.get(id, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.nominateRepresentatives)
  async nominate(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, NominateRepresentativesDto);
    return this.requests.nominate(id, dto, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.declareNothingToReport)
  async declareNothingToReport(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, DeclareNothingToReportDto);
    return this.requests.declareNothingToReport(id, dto, request.meta.actor);
  }
}
