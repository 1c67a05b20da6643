import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  Actor,
  CancelConferenceDto,
  CreateConferenceDto,
  IdParam,
  InternalApi,
  ListConferencesQuery,
  RescheduleConferenceDto,
  UpdateConferenceDto,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { ConferencesService } from '../application/conferences.service';
import { EditDraftConference } from '../application/edit-draft-conference';

/**
 * The gateway's internal HTTP routes for a conference's lifecycle; they validate, then delegate. The transitions
 * are POSTs that change a conference rather than create one: 200, as the public routes answer.
 */
@Controller()
export class ConferencesController {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly drafts: EditDraftConference,
  ) {}

  @InternalEndpoint(InternalApi.scheduling.createConference)
  async create(@Body() body: unknown) {
    return this.conferences.create(await validateInto(CreateConferenceDto, body));
  }

  @InternalEndpoint(InternalApi.scheduling.listConferences)
  async list(@Query() query: unknown, @CallingActor() actor: Actor) {
    return this.conferences.list(await validateInto(ListConferencesQuery, query, { forbidUnknown: false }), actor);
  }

  @InternalEndpoint(InternalApi.scheduling.getConference)
  async get(@Param() params: unknown, @CallingActor() actor: Actor) {
    return this.conferences.get((await validateInto(IdParam, params)).id, actor);
  }

  @InternalEndpoint(InternalApi.scheduling.updateConference)
  async update(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.drafts.update({ id, ...(await validateInto(UpdateConferenceDto, body)) });
  }

  @InternalEndpoint(InternalApi.scheduling.callConference)
  @HttpCode(200)
  async call(@Param() params: unknown) {
    return this.conferences.call((await validateInto(IdParam, params)).id);
  }

  @InternalEndpoint(InternalApi.scheduling.rescheduleConference)
  @HttpCode(200)
  async reschedule(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.conferences.reschedule({ id, ...(await validateInto(RescheduleConferenceDto, body)) });
  }

  @InternalEndpoint(InternalApi.scheduling.cancelConference)
  @HttpCode(200)
  async cancel(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.conferences.cancel({ id, ...(await validateInto(CancelConferenceDto, body)) });
  }

  @InternalEndpoint(InternalApi.scheduling.completeConference)
  @HttpCode(200)
  async complete(@Param() params: unknown) {
    return this.conferences.complete((await validateInto(IdParam, params)).id);
  }
}
