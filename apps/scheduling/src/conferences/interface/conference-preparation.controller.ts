import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  Actor,
  CoHostRequestDto,
  ConferenceInviteeParam,
  IdParam,
  InternalApi,
  InviteeChangeDto,
  SetAgendaDto,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { ConferencePreparationService } from '../application/conference-preparation.service';

/** The gateway's internal HTTP routes for preparing a conference; they validate, then delegate. */
@Controller()
export class ConferencePreparationController {
  constructor(private readonly preparation: ConferencePreparationService) {}

  @InternalEndpoint(InternalApi.scheduling.addInvitee)
  // A change to the conference, not a creation: 200 as the public route answers.
  @HttpCode(200)
  async addInvitee(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.preparation.addInvitee(id, (await validateInto(InviteeChangeDto, body)).agencyId);
  }

  @InternalEndpoint(InternalApi.scheduling.removeInvitee)
  async removeInvitee(@Param() params: unknown) {
    const { id, agencyId } = await validateInto(ConferenceInviteeParam, params);
    return this.preparation.removeInvitee(id, agencyId);
  }

  @InternalEndpoint(InternalApi.scheduling.previewParticipants)
  async previewParticipants(@Param() params: unknown, @CallingActor() actor: Actor) {
    return this.preparation.previewParticipants((await validateInto(IdParam, params)).id, actor);
  }

  @InternalEndpoint(InternalApi.scheduling.setAgenda)
  async setAgenda(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.preparation.setAgenda({ id, ...(await validateInto(SetAgendaDto, body)) });
  }

  @InternalEndpoint(InternalApi.scheduling.recordCoHostRequest)
  async recordCoHostRequest(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.preparation.recordCoHostRequest({ id, ...(await validateInto(CoHostRequestDto, body)) });
  }
}
