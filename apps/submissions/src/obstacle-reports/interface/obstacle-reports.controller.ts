import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  Actor,
  ForwardObstacleReportDto,
  IdParam,
  InternalApi,
  ListObstacleReportsQuery,
  ReportObstacleDto,
  ResolveObstacleReportDto,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { AdvanceObstacleReport } from '../application/advance-obstacle-report';
import { ReadObstacleReports } from '../application/read-obstacle-reports';
import { ReportObstacle } from '../application/report-obstacle';

/** The gateway's internal routes for obstacle reports; they validate, then delegate. */
@Controller()
export class ObstacleReportsController {
  constructor(
    private readonly reporting: ReportObstacle,
    private readonly steps: AdvanceObstacleReport,
    private readonly reading: ReadObstacleReports,
  ) {}

  @InternalEndpoint(InternalApi.submissions.reportObstacle)
  async report(@Body() body: unknown, @CallingActor() actor: Actor) {
    return this.reporting.execute(await validateInto(ReportObstacleDto, body), actor);
  }

  @InternalEndpoint(InternalApi.submissions.listObstacleReports)
  async list(@Query() query: unknown, @CallingActor() actor: Actor) {
    return this.reading.list(await validateInto(ListObstacleReportsQuery, query, { forbidUnknown: false }), actor);
  }

  @InternalEndpoint(InternalApi.submissions.getObstacleReport)
  async get(@Param() params: unknown, @CallingActor() actor: Actor) {
    return this.reading.get((await validateInto(IdParam, params)).id, actor);
  }

  @InternalEndpoint(InternalApi.submissions.forwardObstacleReport)
  @HttpCode(200)
  async forward(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.steps.forward(id, (await validateInto(ForwardObstacleReportDto, body)).note, actor);
  }

  @InternalEndpoint(InternalApi.submissions.resolveObstacleReport)
  @HttpCode(200)
  async resolve(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.steps.resolve(id, (await validateInto(ResolveObstacleReportDto, body)).resolution, actor);
  }
}
