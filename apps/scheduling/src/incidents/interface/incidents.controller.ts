import { Body, Controller, Param } from '@nestjs/common';
import { IdParam, InternalApi, ReportIncidentDto, validateInto } from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { IncidentsService } from '../application/incidents.service';

/** The gateway's internal HTTP routes for incidents; they validate, then delegate. */
@Controller()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @InternalEndpoint(InternalApi.scheduling.reportIncident)
  async report(@Body() body: unknown) {
    return this.incidents.report(await validateInto(ReportIncidentDto, body));
  }

  @InternalEndpoint(InternalApi.scheduling.getIncident)
  async get(@Param() params: unknown) {
    return this.incidents.get((await validateInto(IdParam, params)).id);
  }
}
