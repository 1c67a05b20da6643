import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AgencyKinds,
  AgencyRoles,
  AgencyView,
  CreateAgencyDto,
  GetAgencyQuery,
  IdParam,
  InternalApi,
  ListAgenciesQuery,
  Page,
  UpdateAgencyDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceClient } from '../services/service-client';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { body, query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';

@ApiTags('Agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.scheduling.createAgency.roles)
  @ApiRoute({
    summary: 'Register an agency',
    description: 'Adds an agency to the registry with its roles, fields, territory and contacts.',
    body: 'CreateAgencyDto',
    success: { status: 201, description: 'The agency', schema: 'AgencyView' },
    errors: [400, 409],
  })
  create(@Body(body(CreateAgencyDto)) dto: CreateAgencyDto, @CurrentActor() actor: Actor): Promise<AgencyView> {
    return this.services.call(InternalApi.scheduling.createAgency, dto, actor);
  }

  @Get()
  @Roles(...InternalApi.scheduling.listAgencies.roles)
  @ApiQuery({ name: 'role', required: false, enum: AgencyRoles })
  @ApiQuery({ name: 'kind', required: false, enum: AgencyKinds })
  @ApiQuery({ name: 'q', required: false, description: 'Search in name, code, territory and fields' })
  @ApiQuery({
    name: 'validAt',
    required: false,
    description:
      'Only agencies valid at this instant (ISO-8601 with offset), each as it stood then: the name, roles, fields ' +
      'and contacts it had at that instant, also after a later change',
  })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'Search the agency registry',
    success: { status: 200, description: 'A page of agencies', schema: 'AgencyView', list: true },
    errors: [400],
  })
  list(@Query(query(ListAgenciesQuery)) q: ListAgenciesQuery, @CurrentActor() actor: Actor): Promise<Page<AgencyView>> {
    return this.services.call(InternalApi.scheduling.listAgencies, q, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.scheduling.getAgency.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({
    name: 'validAt',
    required: false,
    description:
      'The agency as it stood at this instant (ISO-8601 with offset): its name, roles, fields and contacts then; ' +
      '404 if it was not valid then',
  })
  @ApiRoute({
    summary: 'Get an agency',
    description: 'Every change of an agency is kept: `validAt` answers with what was true at a past instant.',
    success: { status: 200, description: 'The agency', schema: 'AgencyView' },
    errors: [400, 404],
  })
  get(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(GetAgencyQuery)) q: GetAgencyQuery,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyView> {
    return this.services.call(InternalApi.scheduling.getAgency, { id, ...q }, actor);
  }

  @Patch(':id')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.updateAgency.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Change an agency',
    description: 'For a merger or renaming, close the old agency with `validTo` and register the new one.',
    body: 'UpdateAgencyDto',
    success: { status: 200, description: 'The agency', schema: 'AgencyView' },
    errors: [400, 404],
  })
  async update(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(UpdateAgencyDto)) dto: UpdateAgencyDto,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyView> {
    return this.services.call(InternalApi.scheduling.updateAgency, { id, ...dto }, actor);
  }
}
