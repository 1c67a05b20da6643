import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ForwardObstacleReportDto,
  IdParam,
  InternalApi,
  ListObstacleReportsQuery,
  ObstacleReportStatuses,
  ObstacleReportView,
  Page,
  ReportObstacleDto,
  ResolveObstacleReportDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { body, query } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

@ApiTags('Obstacle reports')
@Controller('obstacle-reports')
export class ObstacleReportsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.submissions.reportObstacle.roles)
  @ApiRoute({
    summary: 'Report a difficulty in carrying out the plan',
    description:
      'An agency reports a difficulty it meets (optionally about one conference) to the coordinator: OPEN, and ' +
      '`submissions.obstacle-report.reported.v1`; the agency’s contacts receive an acknowledgement.',
    body: 'ReportObstacleDto',
    success: { status: 201, description: 'The report', schema: 'ObstacleReportView' },
    errors: [400, 403],
  })
  report(
    @Body(body(ReportObstacleDto)) dto: ReportObstacleDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObstacleReportView> {
    return this.services.call(InternalApi.submissions.reportObstacle, dto, actor);
  }

  @Get()
  @Roles(...InternalApi.submissions.listObstacleReports.roles)
  @ApiQuery({ name: 'status', required: false, enum: ObstacleReportStatuses })
  @ApiQuery({ name: 'agencyId', required: false, description: 'The reporting agency (an agency sees only its own)' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'List obstacle reports',
    description: 'Newest first. An agency sees only its own; the coordinator and admins see all.',
    success: { status: 200, description: 'A page of reports', schema: 'ObstacleReportView', list: true },
    errors: [400],
  })
  list(
    @Query(query(ListObstacleReportsQuery)) q: ListObstacleReportsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ObstacleReportView>> {
    return this.services.call(InternalApi.submissions.listObstacleReports, q, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.submissions.getObstacleReport.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get an obstacle report',
    description: 'Another agency’s report is a 404.',
    success: { status: 200, description: 'The report', schema: 'ObstacleReportView' },
    errors: [400, 404],
  })
  get(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<ObstacleReportView> {
    return this.services.call(InternalApi.submissions.getObstacleReport, { id }, actor);
  }

  @Post(':id/forward')
  @HttpCode(200)
  @Roles(...InternalApi.submissions.forwardObstacleReport.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Forward a report to the People’s Committee',
    description:
      'OPEN → FORWARDED with the coordinator’s note, and `submissions.obstacle-report.forwarded.v1`: the report and ' +
      'the note are mailed to every PROVINCIAL_LEADERSHIP contact of the registry, and the agency is told. 409 naming ' +
      'the current status otherwise.',
    body: 'ForwardObstacleReportDto',
    success: { status: 200, description: 'The report, FORWARDED', schema: 'ObstacleReportView' },
    errors: [400, 404, 409],
  })
  forward(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(ForwardObstacleReportDto)) dto: ForwardObstacleReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObstacleReportView> {
    return this.services.call(InternalApi.submissions.forwardObstacleReport, { id, ...dto }, actor);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...InternalApi.submissions.resolveObstacleReport.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Record how a forwarded report was resolved',
    description:
      'FORWARDED → RESOLVED with the resolution, and `submissions.obstacle-report.resolved.v1`; the agency is told ' +
      'the resolution. 409 naming the current status otherwise (an OPEN report is forwarded first).',
    body: 'ResolveObstacleReportDto',
    success: { status: 200, description: 'The report, RESOLVED', schema: 'ObstacleReportView' },
    errors: [400, 404, 409],
  })
  resolve(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(ResolveObstacleReportDto)) dto: ResolveObstacleReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<ObstacleReportView> {
    return this.services.call(InternalApi.submissions.resolveObstacleReport, { id, ...dto }, actor);
  }
}
