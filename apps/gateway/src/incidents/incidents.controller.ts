import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  IdParam,
  IncidentStatuses,
  IncidentView,
  InternalApi,
  ListIncidentsQuery,
  Page,
  ReportIncidentDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceClient } from '../services/service-client';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { body, query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';

@ApiTags('Incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.scheduling.reportIncident.roles)
  @ApiRoute({
    summary: 'Report an incident',
    description: 'Sets `conveneBy` = (detectedAt or now) + 24 h: the extraordinary conference must start by then.',
    body: 'ReportIncidentDto',
    success: { status: 201, description: 'The incident', schema: 'IncidentView' },
    errors: [400],
  })
  report(@Body(body(ReportIncidentDto)) dto: ReportIncidentDto, @CurrentActor() actor: Actor): Promise<IncidentView> {
    return this.services.call(InternalApi.scheduling.reportIncident, dto, actor);
  }

  @Get()
  @Roles(...InternalApi.scheduling.listIncidents.roles)
  @ApiQuery({ name: 'status', required: false, enum: IncidentStatuses })
  @ApiQuery({ name: 'from', required: false, description: 'Detected at or after (ISO-8601 with offset)' })
  @ApiQuery({ name: 'to', required: false, description: 'Detected before (ISO-8601 with offset)' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'List incidents against the 24-hour rule',
    description:
      'Newest detection first. Each with `conveneBy`, the first conference called for it (`calledConference`, ' +
      'if any) and `deadlineKept`: true when one was called by `conveneBy`, false when `conveneBy` passed ' +
      'without that, null while the 24 hours still run. `status` says the same: OPEN, CONVENED or BREACHED.',
    success: { status: 200, description: 'A page of incidents', schema: 'IncidentView', list: true },
    errors: [400],
  })
  list(
    @Query(query(ListIncidentsQuery)) q: ListIncidentsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<IncidentView>> {
    return this.services.call(InternalApi.scheduling.listIncidents, q, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.scheduling.getIncident.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get an incident',
    success: { status: 200, description: 'The incident', schema: 'IncidentView' },
    errors: [400, 404],
  })
  get(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<IncidentView> {
    return this.services.call(InternalApi.scheduling.getIncident, { id }, actor);
  }
}
