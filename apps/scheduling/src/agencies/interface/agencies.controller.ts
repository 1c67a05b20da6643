import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ByIdRequest,
  IdParam,
  CreateAgencyDto,
  ListAgenciesQuery,
  RpcPatterns,
  RpcRequest,
  UpdateAgencyDto,
  UpdateAgencyRequest,
  validateInto,
} from '@pressconf/contracts';
import { AgenciesService } from '../application/agencies.service';

/** Request/reply handlers for the gateway; they validate, then delegate. */
@Controller()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @MessagePattern(RpcPatterns.scheduling.createAgency)
  async create(@Payload() request: RpcRequest) {
    return this.agencies.create(await validateInto(CreateAgencyDto, request.body));
  }

  @MessagePattern(RpcPatterns.scheduling.listAgencies)
  async list(@Payload() request: RpcRequest) {
    return this.agencies.list(await validateInto(ListAgenciesQuery, request.body));
  }

  @MessagePattern(RpcPatterns.scheduling.getAgency)
  async get(@Payload() request: RpcRequest<ByIdRequest>) {
    const { id } = await validateInto(IdParam, request.body);
    return this.agencies.get(id);
  }

  @MessagePattern(RpcPatterns.scheduling.updateAgency)
  async update(@Payload() request: RpcRequest<UpdateAgencyRequest>) {
    const { id, ...changes } = request.body ?? ({} as UpdateAgencyRequest);
    await validateInto(IdParam, { id });
    return this.agencies.update(id, await validateInto(UpdateAgencyDto, changes));
  }
}
