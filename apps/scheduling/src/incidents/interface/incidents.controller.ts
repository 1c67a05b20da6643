import { Body, Controller, Param, Query } from '@nestjs/common';
import { IdParam, InternalApi, ListIncidentsQuery, ReportIncidentDto, validateInto } from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { IncidentsService } from '../application/incidents.service';
import { ListIncidents } from '../application/list-incidents';

/** The gateway's internal HTTP routes for incidents; they validate, then delegate. */
@Controller()
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly listing: ListIncidents,
  ) {}

  @InternalEndpoint(InternalApi.scheduling.reportIncident)
  async report(@Body() body: unknown) {
    return this.incidents.report(await validateInto(ReportIncidentDto, body));
  }

  @InternalEndpoint(InternalApi.scheduling.listIncidents)
  async list(@Query() query: unknown) {
    return this.listing.list(await validateInto(ListIncidentsQuery, query, { forbidUnknown: false }));
  }

  @InternalEndpoint(InternalApi.scheduling.getIncident)
  async get(@Param() params: unknown) {
    return this.incidents.get((await validateInto(IdParam, params)).id);
  }
}
