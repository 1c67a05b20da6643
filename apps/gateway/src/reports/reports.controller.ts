import { Controller, Get, Header, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  Actor,
  ActivityReport,
  ActivityReportQuery,
  ACTIVITY_REPORT_MAX_YEARS,
  InternalApi,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { passFileOn } from '../file-transfer/file-transfer';
import { query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

const MEDIA_TYPES = ['application/json', 'text/csv', 'application/pdf'] as const;

@ApiTags('Reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('activity')
  @Header('Vary', 'Accept')
  @Roles(...InternalApi.scheduling.activityReport.roles)
  @ApiQuery({ name: 'from', required: true, description: 'Start of the period, included (ISO-8601 with offset)' })
  @ApiQuery({
    name: 'to',
    required: true,
    description: `End of the period, excluded: after \`from\`, at most ${ACTIVITY_REPORT_MAX_YEARS} years later`,
  })
  @ApiProduces(...MEDIA_TYPES)
  @ApiResponse({
    status: 200,
    description:
      'The figures as JSON; `Accept: text/csv` the per-agency table (UTF-8 with BOM); `Accept: application/pdf` ' +
      'the report to the People’s Committee in Vietnamese with charts',
    content: {
      'application/json': { schema: { $ref: getSchemaPath('ActivityReport') } },
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiRoute({
    summary: 'The plan’s activity report over a period',
    description:
      'Conferences held by kind and by month (Asia/Ho_Chi_Minh), cancelled and rescheduled; each incident detected ' +
      'in the period with the hours from detection to the call and to the start against the 24-hour rule; per ' +
      'agency the brief requests due in the period (on time, late, missing, returned) and the invitations to ' +
      'conferences starting in it (delivered, failed, answers, silent), the press apart; obstacle reports and ' +
      'information offers by state. Counted from the events as they arrive (a fact shows within seconds).',
    success: { status: 200, description: 'The report' },
    errors: [400],
  })
  async activity(
    @Query(query(ActivityReportQuery)) q: ActivityReportQuery,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<ActivityReport | StreamableFile> {
    const accepted = request.accepts([...MEDIA_TYPES]);
    const input = { from: q.from, to: q.to };
    if (accepted === 'text/csv' || accepted === 'application/pdf') {
      const format = accepted === 'text/csv' ? 'csv' : 'pdf';
      return passFileOn(await this.services.open(InternalApi.scheduling.activityReport, { ...input, format }, actor));
    }
    return this.services.call(InternalApi.scheduling.activityReport, { ...input, format: 'json' }, actor);
  }
}
