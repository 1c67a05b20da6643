import { Body, Controller, Param, Query } from '@nestjs/common';
import { CreateSeriesDto, IdParam, InternalApi, ListOccurrencesQuery, validateInto } from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { SeriesService } from '../application/series.service';

/** The gateway's internal HTTP routes for periodic series; they validate, then delegate. */
@Controller()
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @InternalEndpoint(InternalApi.scheduling.createSeries)
  async create(@Body() body: unknown) {
    return this.series.create(await validateInto(CreateSeriesDto, body));
  }

  @InternalEndpoint(InternalApi.scheduling.getSeries)
  async get(@Param() params: unknown) {
    return this.series.get((await validateInto(IdParam, params)).id);
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
