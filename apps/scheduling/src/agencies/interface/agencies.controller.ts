import { Body, Controller, Param, Query } from '@nestjs/common';
import {
  CreateAgencyDto,
  GetAgencyQuery,
  IdParam,
  InternalApi,
  ListAgenciesQuery,
  UpdateAgencyDto,
  validateInto,
} from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { AgenciesService } from '../application/agencies.service';

/** The gateway's internal HTTP routes for the agency registry; they validate, then delegate. */
@Controller()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @InternalEndpoint(InternalApi.scheduling.createAgency)
  async create(@Body() body: unknown) {
    return this.agencies.create(await validateInto(CreateAgencyDto, body));
  }

  @InternalEndpoint(InternalApi.scheduling.listAgencies)
  async list(@Query() query: unknown) {
    return this.agencies.list(await validateInto(ListAgenciesQuery, query, { forbidUnknown: false }));
  }

  @InternalEndpoint(InternalApi.scheduling.getAgency)
  async get(@Param() params: unknown, @Query() query: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.agencies.get(id, (await validateInto(GetAgencyQuery, query, { forbidUnknown: false })).validAt);
  }

  @InternalEndpoint(InternalApi.scheduling.updateAgency)
  async update(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.agencies.update(id, await validateInto(UpdateAgencyDto, body));
  }
}
