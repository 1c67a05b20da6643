import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  CreateSeriesDto,
  IdParam,
  InternalApi,
  ListOccurrencesQuery,
  UpdateSeriesDto,
  validateInto,
} from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { ChangeSeries } from '../application/change-series';
import { SeriesService } from '../application/series.service';

/** The gateway's internal HTTP routes for periodic series; they validate, then delegate. */
@Controller()
export class SeriesController {
  constructor(
    private readonly series: SeriesService,
    private readonly changes: ChangeSeries,
  ) {}

  @InternalEndpoint(InternalApi.scheduling.createSeries)
  async create(@Body() body: unknown) {
    return this.series.create(await validateInto(CreateSeriesDto, body));
  }

  @InternalEndpoint(InternalApi.scheduling.getSeries)
  async get(@Param() params: unknown) {
    return this.series.get((await validateInto(IdParam, params)).id);
  }

  @InternalEndpoint(InternalApi.scheduling.updateSeries)
  async update(@Param() params: unknown, @Body() body: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.changes.update({ id, ...(await validateInto(UpdateSeriesDto, body)) });
  }

  @InternalEndpoint(InternalApi.scheduling.stopSeries)
  @HttpCode(200)
  async stop(@Param() params: unknown) {
    return this.changes.stop((await validateInto(IdParam, params)).id);
  }

  @InternalEndpoint(InternalApi.scheduling.listOccurrences)
  async occurrences(@Param() params: unknown, @Query() query: unknown) {
    const { id } = await validateInto(IdParam, params);
    return this.series.occurrences({
      id,
      ...(await validateInto(ListOccurrencesQuery, query, { forbidUnknown: false })),
    });
  }
}
