import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CoHostRequestDto,
  ConferenceInviteeParam,
  ConferenceView,
  IdParam,
  InternalApi,
  InviteeChangeDto,
  ParticipantsPreview,
  SetAgendaDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceClient } from '../services/service-client';
import { body } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';

/** Preparing a conference: its invitation list, its agenda, the written request to the co-host. */
@ApiTags('Conferences')
@Controller('conferences')
export class ConferencePreparationController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':id/participants/preview')
  @Roles(...InternalApi.scheduling.previewParticipants.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Who calling the conference now would invite',
    description:
      'The registry as it stands, the plan’s rules and the administrator’s changes: each participant with the ' +
      'reason it is invited, and `unreachable`, the agencies the plan involves but that cannot be invited ' +
      '(no e-mail address, unknown or closed, missing the role).',
    success: { status: 200, description: 'The resolution', schema: 'ParticipantsPreview' },
    errors: [400, 404],
  })
  preview(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<ParticipantsPreview> {
    return this.services.call(InternalApi.scheduling.previewParticipants, { id }, actor);
  }

  @Post(':id/invitees')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.addInvitee.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Add an invitee agency',
    description:
      'Until the conference is held or cancelled (409 then). Invites the agency even when the plan would not ' +
      '(undoing a removal); adding twice changes nothing. Shown in `inviteeChanges`. Before the call, the call ' +
      'applies it; after it, the agency’s contacts are invited at once (`scheduling.conference.invitees-changed.v1`: ' +
      'they get the invitation, nobody else hears of it), and 422 when none of them can be reached.',
    body: 'InviteeChangeDto',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409, 422],
  })
  addInvitee(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(InviteeChangeDto)) dto: InviteeChangeDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.addInvitee, { id, agencyId: dto.agencyId }, actor);
  }

  @Delete(':id/invitees/:agencyId')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.removeInvitee.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'agencyId', format: 'uuid' })
  @ApiRoute({
    summary: 'Remove an invitee agency',
    description:
      'Until the conference is held or cancelled (409 then). Leaves the agency out even when the plan would ' +
      'invite it (undoing an addition); removing twice changes nothing. After the call its contacts leave ' +
      '`participants` and are told that their invitation is withdrawn (`scheduling.conference.invitees-changed.v1`).',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409],
  })
  removeInvitee(
    @Param(body(ConferenceInviteeParam)) param: ConferenceInviteeParam,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.removeInvitee, { id: param.id, agencyId: param.agencyId }, actor);
  }

  @Put(':id/agenda')
  @Roles(...InternalApi.scheduling.setAgenda.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Replace the agenda',
    description:
      'DRAFT, CALLED or RESCHEDULED. An agency presents through one of its spokespersons (người phát ngôn): ' +
      'the one named in `presenterName`, else the first in the registry; 400 names the item’s field otherwise. ' +
      '422 when the items last longer than the conference. The call announces the agenda; a changed agenda after ' +
      'the call is announced (`scheduling.conference.agenda-changed.v1`) and reaches every current invitee.',
    body: 'SetAgendaDto',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409, 422],
  })
  setAgenda(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(SetAgendaDto)) dto: SetAgendaDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.setAgenda, { id, ...dto }, actor);
  }

  @Put(':id/co-host-request')
  @Roles(...InternalApi.scheduling.recordCoHostRequest.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Record the written request to the co-host (văn bản đề nghị)',
    description:
      'EXTRAORDINARY conferences only (422 otherwise), until held or cancelled (409). Replaces the record; ' +
      'shown as `coHostRequest`.',
    body: 'CoHostRequestDto',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409, 422],
  })
  recordCoHostRequest(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(CoHostRequestDto)) dto: CoHostRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.recordCoHostRequest, { id, ...dto }, actor);
  }
}
