import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, IdParam, IncidentView, InternalApi, ReportIncidentDto } from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceClient } from '../services/service-client';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { body } from '../http/contract.pipe';
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
