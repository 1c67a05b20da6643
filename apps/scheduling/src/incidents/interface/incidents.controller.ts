import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdParam, ReportIncidentDto, RpcPatterns, RpcRequest, validateInto } from '@pressconf/contracts';
import { IncidentsService } from '../application/incidents.service';

@Controller()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @MessagePattern(RpcPatterns.scheduling.reportIncident)
  async report(@Payload() request: RpcRequest) {
    return this.incidents.report(await validateInto(ReportIncidentDto, request.body));
  }

  @MessagePattern(RpcPatterns.scheduling.getIncident)
  async get(@Payload() request: RpcRequest) {
    return this.incidents.get((await validateInto(IdParam, request.body)).id);
  }
}
