import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateSeriesDto, IdParam, ListOccurrencesQuery, RpcPatterns, RpcRequest, validateInto } from '@pressconf/contracts';
import { SeriesService } from '../application/series.service';

/** Request/reply handlers for periodic series; they validate, then delegate. */
@Controller()
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @MessagePattern(RpcPatterns.scheduling.createSeries)
  async create(@Payload() request: RpcRequest) {
    return this.series.create(await validateInto(CreateSeriesDto, request.body));
  }

  @MessagePattern(RpcPatterns.scheduling.getSeries)
  async get(@Payload() request: RpcRequest) {
    return this.series.get((await validateInto(IdParam, request.body)).id);
  }

  @MessagePattern(RpcPatterns.scheduling.listOccurrences)
  async occurrences(@Payload() request: RpcRequest<{ id: string }>) {
    const { id, ...query } = request.body ?? { id: '' };
    await validateInto(IdParam, { id });
    return this.series.occurrences({ id, ...(await validateInto(ListOccurrencesQuery, query)) });
  }
}
