import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CancelConferenceDto,
  CreateConferenceDto,
  IdParam,
  ListConferencesQuery,
  RescheduleConferenceDto,
  RpcPatterns,
  RpcRequest,
  validateInto,
} from '@pressconf/contracts';
import { ConferencesService } from '../application/conferences.service';

@Controller()
export class ConferencesController {
  constructor(private readonly conferences: ConferencesService) {}

  @MessagePattern(RpcPatterns.scheduling.createConference)
  async create(@Payload() request: RpcRequest) {
    return this.conferences.create(await validateInto(CreateConferenceDto, request.body));
  }

  @MessagePattern(RpcPatterns.scheduling.listConferences)
  async list(@Payload() request: RpcRequest) {
    return this.conferences.list(await validateInto(ListConferencesQuery, request.body));
  }

  @MessagePattern(RpcPatterns.scheduling.getConference)
  async get(@Payload() request: RpcRequest) {
    return this.conferences.get((await validateInto(IdParam, request.body)).id);
  }

  @MessagePattern(RpcPatterns.scheduling.callConference)
  async call(@Payload() request: RpcRequest) {
    return this.conferences.call((await validateInto(IdParam, request.body)).id);
  }

  @MessagePattern(RpcPatterns.scheduling.rescheduleConference)
  async reschedule(@Payload() request: RpcRequest<{ id: string }>) {
    const { id, ...body } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.conferences.reschedule({ id, ...(await validateInto(RescheduleConferenceDto, body)) });
  }

  @MessagePattern(RpcPatterns.scheduling.cancelConference)
  async cancel(@Payload() request: RpcRequest<{ id: string }>) {
    const { id, ...body } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.conferences.cancel({ id, ...(await validateInto(CancelConferenceDto, body)) });
  }

  @MessagePattern(RpcPatterns.scheduling.completeConference)
  async complete(@Payload() request: RpcRequest) {
    return this.conferences.complete((await validateInto(IdParam, request.body)).id);
  }
}
