import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { EventTypes, IdParam, PageQuery, RpcPatterns, RpcRequest, Topics, validateInto } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
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
  async listForConference(@Payload() request: RpcRequest<{ id: string; page?: number; pageSize?: number }>) {
    const { id, ...paging } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.requests.listForConference(id, request.meta.actor, await validateInto(PageQuery, paging));
  }
}
