import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CreateSeriesDto,
  IdParam,
  InternalApi,
  ListOccurrencesQuery,
  OccurrenceView,
  Page,
  SeriesView,
  UpdateSeriesDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceClient } from '../services/service-client';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { body, query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';

@ApiTags('Conference series')
@Controller('conference-series')
export class SeriesController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.scheduling.createSeries.roles)
  @ApiRoute({
    summary: 'Create a periodic series (giao ban báo chí định kỳ)',
    description:
      'An RFC 5545 rule (weekly at most often), a wall-clock start time in Asia/Ho_Chi_Minh and a duration. A rule ' +
      'without DTSTART starts on the day the series is created, and is stored with that DTSTART. Each occurrence ' +
      'within the horizon (SERIES_HORIZON_DAYS, 60 by default) is drafted at once as a PERIODIC conference with ' +
      'this `seriesId`, and later ones as days pass. An occurrence on a weekend or public holiday moves to the ' +
      'next working day. 400 names `rrule` when the rule does not parse.',
    body: 'CreateSeriesDto',
    success: { status: 201, description: 'The series', schema: 'SeriesView' },
    errors: [400],
  })
  create(@Body(body(CreateSeriesDto)) dto: CreateSeriesDto, @CurrentActor() actor: Actor): Promise<SeriesView> {
    return this.services.call(InternalApi.scheduling.createSeries, dto, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.scheduling.getSeries.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get a series',
    success: { status: 200, description: 'The series', schema: 'SeriesView' },
    errors: [400, 404],
  })
  get(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<SeriesView> {
    return this.services.call(InternalApi.scheduling.getSeries, { id }, actor);
  }

  @Patch(':id')
  @Roles(...InternalApi.scheduling.updateSeries.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Change a series',
    description:
      'Any of the fields of a series, checked as on creation (400 names `rrule` when the rule does not parse); at ' +
      'least one. Its drafts not yet called follow from now on: a draft whose occurrence the new rule no longer ' +
      'has is removed, the others take the new times, title, venue and topics (except what was edited on the ' +
      'draft itself), and new occurrences within the horizon are drafted. Called conferences are left as they ' +
      'are. 409 once the series is stopped.',
    body: 'UpdateSeriesDto',
    success: { status: 200, description: 'The series', schema: 'SeriesView' },
    errors: [400, 404, 409],
  })
  update(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(UpdateSeriesDto)) dto: UpdateSeriesDto,
    @CurrentActor() actor: Actor,
  ): Promise<SeriesView> {
    return this.services.call(InternalApi.scheduling.updateSeries, { id, ...dto }, actor);
  }

  @Post(':id/stop')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.stopSeries.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Stop a series',
    description:
      'Nothing more is drafted from it, and its drafts not yet called are removed; called conferences stay. ' +
      '409 when it is already stopped.',
    success: { status: 200, description: 'The series, with `stoppedAt`', schema: 'SeriesView' },
    errors: [400, 404, 409],
  })
  stop(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<SeriesView> {
    return this.services.call(InternalApi.scheduling.stopSeries, { id }, actor);
  }

  @Get(':id/occurrences')
  @Roles(...InternalApi.scheduling.listOccurrences.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'from', required: false, description: 'Starts at or after (ISO-8601 with offset); default now' })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'Starts at or before (ISO-8601 with offset); default one year after from',
  })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'Occurrences of a series in a window',
    description:
      'At most 500 per window. A shifted occurrence gives `shiftedFrom` and the `reason` (e.g. "Trùng Tết Nguyên ' +
      'Đán; chuyển sang ngày làm việc kế tiếp"); a materialised one gives its draft `conferenceId`.',
    success: { status: 200, description: 'A page of occurrences', schema: 'OccurrenceView', list: true },
    errors: [400, 404],
  })
  occurrences(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(ListOccurrencesQuery)) q: ListOccurrencesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<OccurrenceView>> {
    return this.services.call(InternalApi.scheduling.listOccurrences, { id, ...q }, actor);
  }
}
