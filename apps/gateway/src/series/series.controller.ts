import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
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
