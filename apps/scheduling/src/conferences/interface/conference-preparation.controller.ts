import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CoHostRequestDto,
  ConferenceInviteeParam,
  IdParam,
  RpcPatterns,
  RpcRequest,
  SetAgendaDto,
  validateInto,
} from '@pressconf/contracts';
import { ConferencePreparationService } from '../application/conference-preparation.service';

/** Request/reply handlers for preparing a conference; they validate, then delegate. */
@Controller()
export class ConferencePreparationController {
  constructor(private readonly preparation: ConferencePreparationService) {}

  @MessagePattern(RpcPatterns.scheduling.addInvitee)
  async addInvitee(@Payload() request: RpcRequest) {
    const { id, agencyId } = await validateInto(ConferenceInviteeParam, request.body);
    return this.preparation.addInvitee(id, agencyId);
  }

  @MessagePattern(RpcPatterns.scheduling.removeInvitee)
  async removeInvitee(@Payload() request: RpcRequest) {
    const { id, agencyId } = await validateInto(ConferenceInviteeParam, request.body);
    return this.preparation.removeInvitee(id, agencyId);
  }

  @MessagePattern(RpcPatterns.scheduling.previewParticipants)
  async previewParticipants(@Payload() request: RpcRequest) {
    return this.preparation.previewParticipants((await validateInto(IdParam, request.body)).id);
  }

  @MessagePattern(RpcPatterns.scheduling.setAgenda)
  async setAgenda(@Payload() request: RpcRequest<{ id: string }>) {
    const { id, ...body } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.preparation.setAgenda({ id, ...(await validateInto(SetAgendaDto, body)) });
  }

  @MessagePattern(RpcPatterns.scheduling.recordCoHostRequest)
  async recordCoHostRequest(@Payload() request: RpcRequest<{ id: string }>) {
    const { id, ...body } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.preparation.recordCoHostRequest({ id, ...(await validateInto(CoHostRequestDto, body)) });
  }
}
