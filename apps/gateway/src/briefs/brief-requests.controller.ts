import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  BriefRequestView,
  BriefView,
  DeclareNothingToReportDto,
  IdParam,
  InternalApi,
  NominateRepresentativesDto,
  ReviewBriefDto,
  SaveBriefDto,
  SubmitBriefDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { body } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

@ApiTags('Briefs')
@Controller('brief-requests')
export class BriefRequestsController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':id')
  @Roles(...InternalApi.submissions.getBriefRequest.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get a brief request',
    description:
      'Its status and due time, the brief once saved, and who the agency sends. An agency sees only its own.',
    success: { status: 200, description: 'The brief request', schema: 'BriefRequestView' },
    errors: [400, 404],
  })
  get(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<BriefRequestView> {
    return this.services.call(InternalApi.submissions.getBriefRequest, { id }, actor);
  }

  @Post(':id/briefs')
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.submissions.saveBrief.roles)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The brief request' })
  @ApiRoute({
    summary: 'Save a version of the brief',
    description:
      'The official written information (văn bản cung cấp thông tin): each save is a new version and the earlier ' +
      'ones are kept. Allowed while the request is OPEN, OVERDUE or RETURNED; 409 under review, accepted or closed. ' +
      'A brief has at most BRIEF_MAX_VERSIONS versions (50 by default; one more is a 413).',
    body: 'SaveBriefDto',
    success: { status: 201, description: 'The brief with the new version', schema: 'BriefView' },
    errors: [400, 404, 409, 413],
  })
  save(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(SaveBriefDto)) dto: SaveBriefDto,
    @CurrentActor() actor: Actor,
  ): Promise<BriefView> {
    return this.services.call(InternalApi.submissions.saveBrief, { id, ...dto }, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...InternalApi.submissions.submitBrief.roles)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The brief request' })
  @ApiRoute({
    summary: 'Submit the brief for review',
    description:
      'Submits the latest version (OPEN, OVERDUE or RETURNED → SUBMITTED) and emits ' +
      '`submissions.brief.submitted.v1`. The coordinator may submit for an agency that sent its brief on paper. ' +
      '`version`, when given, must be the latest (409 otherwise). After a return, a revised version must be saved ' +
      'first (422).',
    body: 'SubmitBriefDto',
    success: { status: 200, description: 'The brief, SUBMITTED', schema: 'BriefView' },
    errors: [400, 404, 409, 422],
  })
  submit(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(SubmitBriefDto)) dto: SubmitBriefDto,
    @CurrentActor() actor: Actor,
  ): Promise<BriefView> {
    return this.services.call(InternalApi.submissions.submitBrief, { id, ...dto }, actor);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles(...InternalApi.submissions.reviewBrief.roles)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The brief request' })
  @ApiRoute({
    summary: 'Accept or return the submitted brief',
    description:
      'SUBMITTED → ACCEPTED, or → RETURNED with a comment saying what to revise; emits ' +
      '`submissions.brief.reviewed.v1`. 409 naming the current status when nothing is under review.',
    body: 'ReviewBriefDto',
    success: { status: 200, description: 'The brief, ACCEPTED or RETURNED', schema: 'BriefView' },
    errors: [400, 404, 409],
  })
  review(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(ReviewBriefDto)) dto: ReviewBriefDto,
    @CurrentActor() actor: Actor,
  ): Promise<BriefView> {
    return this.services.call(InternalApi.submissions.reviewBrief, { id, ...dto }, actor);
  }

  @Put(':id/representatives')
  @Roles(...InternalApi.submissions.nominateRepresentatives.roles)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The brief request' })
  @ApiRoute({
    summary: 'Nominate who attends and speaks',
    description:
      'Replaces the list of the agency’s representatives (name, title, whether they speak); an empty list ' +
      'withdraws it. Printed in the briefing pack. 409 once the request is closed.',
    body: 'NominateRepresentativesDto',
    success: { status: 200, description: 'The brief request', schema: 'BriefRequestView' },
    errors: [400, 404, 409],
  })
  nominate(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(NominateRepresentativesDto)) dto: NominateRepresentativesDto,
    @CurrentActor() actor: Actor,
  ): Promise<BriefRequestView> {
    return this.services.call(InternalApi.submissions.nominateRepresentatives, { id, ...dto }, actor);
  }

  @Post(':id/nothing-to-report')
  @HttpCode(200)
  @Roles(...InternalApi.submissions.declareNothingToReport.roles)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The brief request' })
  @ApiRoute({
    summary: 'Declare nothing to report',
    description:
      'Closes the request without a brief (status CLOSED, closedReason NOTHING_TO_REPORT) and emits ' +
      '`submissions.brief-request.closed.v1`. Allowed while OPEN, OVERDUE or RETURNED.',
    body: 'DeclareNothingToReportDto',
    success: { status: 200, description: 'The closed brief request', schema: 'BriefRequestView' },
    errors: [400, 404, 409],
  })
  declareNothingToReport(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(DeclareNothingToReportDto)) dto: DeclareNothingToReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<BriefRequestView> {
    return this.services.call(InternalApi.submissions.declareNothingToReport, { id, ...dto }, actor);
  }
}
