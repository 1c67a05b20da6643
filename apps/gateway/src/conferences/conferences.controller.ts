import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  BriefRequestView,
  CancelConferenceDto,
  ConferenceKinds,
  ConferenceStatuses,
  ConferenceView,
  CreateConferenceDto,
  IdParam,
  InternalApi,
  InvitationView,
  ListConferencesQuery,
  ListInvitationsQuery,
  Page,
  PageQuery,
  PublicConferenceView,
  RescheduleConferenceDto,
  RsvpStates,
  UpdateConferenceDto,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceClient } from '../services/service-client';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { body, query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';

const PAGING = [
  ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } }),
  ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }),
];
const WHO_SEES_WHAT =
  'Admin, coordinator and host see every conference; agency, press and reader only CALLED and later ones (a ' +
  'DRAFT is a 404 and is left out of lists). The press and reader see no participant’s `email`.';

const Paging = (): MethodDecorator => (target, key, descriptor) => {
  PAGING.forEach((decorate) => decorate(target, key, descriptor));
};

@ApiTags('Conferences')
@Controller('conferences')
export class ConferencesController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.scheduling.createConference.roles)
  @ApiRoute({
    summary: 'Draft a conference',
    description: 'PERIODIC conferences ride on the monthly press briefing; EXTRAORDINARY ones need their incident.',
    body: 'CreateConferenceDto',
    success: { status: 201, description: 'The conference, in DRAFT', schema: 'ConferenceView' },
    errors: [400],
  })
  create(
    @Body(body(CreateConferenceDto)) dto: CreateConferenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.createConference, dto, actor);
  }

  @Get()
  @Roles(...InternalApi.scheduling.listConferences.roles)
  @ApiQuery({ name: 'status', required: false, enum: ConferenceStatuses })
  @ApiQuery({ name: 'kind', required: false, enum: ConferenceKinds })
  @ApiQuery({ name: 'from', required: false, description: 'Starts at or after (ISO-8601 with offset)' })
  @ApiQuery({ name: 'to', required: false, description: 'Starts before (ISO-8601 with offset)' })
  @Paging()
  @ApiRoute({
    summary: 'List conferences',
    description: WHO_SEES_WHAT,
    success: { status: 200, description: 'A page of conferences', schema: 'ConferenceView', list: true },
    errors: [400],
  })
  list(
    @Query(query(ListConferencesQuery)) q: ListConferencesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ConferenceView | PublicConferenceView>> {
    return this.services.call(InternalApi.scheduling.listConferences, q, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.scheduling.getConference.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get a conference with its participants',
    description: WHO_SEES_WHAT,
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404],
  })
  get(
    @Param(body(IdParam)) { id }: IdParam,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView | PublicConferenceView> {
    return this.services.call(InternalApi.scheduling.getConference, { id }, actor);
  }

  @Patch(':id')
  @Roles(...InternalApi.scheduling.updateConference.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Edit a draft conference',
    description:
      'Any of title, startsAt, endsAt, venue, topics and briefsDueAt (`null` drops it), checked as on creation ' +
      'against the conference as it will be (endsAt after startsAt, briefsDueAt not after startsAt); at least one. ' +
      'Only a DRAFT: 409 once called (use reschedule) or cancelled. A draft of a series keeps what is edited here ' +
      'when the series changes.',
    body: 'UpdateConferenceDto',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409],
  })
  update(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(UpdateConferenceDto)) dto: UpdateConferenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.updateConference, { id, ...dto }, actor);
  }

  @Post(':id/call')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.callConference.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Call (triệu tập) a conference',
    description:
      'DRAFT → CALLED. Resolves the participants from the registry as it stands, invites them all and asks ' +
      'the agencies concerned for written briefs. 422 when an EXTRAORDINARY conference starts after its ' +
      "incident's conveneBy.",
    success: { status: 200, description: 'The called conference', schema: 'ConferenceView' },
    errors: [400, 404, 409, 422],
  })
  call(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.callConference, { id }, actor);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.rescheduleConference.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Reschedule a called conference',
    description: 'Everyone invited receives an updated invitation; open briefs move their due times.',
    body: 'RescheduleConferenceDto',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409, 422],
  })
  reschedule(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(RescheduleConferenceDto)) dto: RescheduleConferenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.rescheduleConference, { id, ...dto }, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.cancelConference.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Cancel a conference',
    description: 'Everyone invited is told; open brief requests close.',
    body: 'CancelConferenceDto',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409],
  })
  cancel(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(CancelConferenceDto)) dto: CancelConferenceDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.cancelConference, { id, ...dto }, actor);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...InternalApi.scheduling.completeConference.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Mark a conference as held',
    success: { status: 200, description: 'The conference', schema: 'ConferenceView' },
    errors: [400, 404, 409],
  })
  complete(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<ConferenceView> {
    return this.services.call(InternalApi.scheduling.completeConference, { id }, actor);
  }

  @Get(':id/invitations')
  @Roles(...InternalApi.notifications.listInvitations.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({
    name: 'rsvp',
    required: false,
    enum: RsvpStates,
    description: 'Only invitees with this answer: PENDING lists who has not answered yet',
  })
  @Paging()
  @ApiRoute({
    summary: 'Delivery and answer of each invitation',
    description:
      'Per invitee: whether the latest notice about the conference (the invitation, the updated invitation ' +
      'after a reschedule, or the cancellation notice) reached them (`status`, `attempts`, `sentAt`, ' +
      '`lastError`), their answer (`rsvp`, `rsvpAt`, delegate) and, for an EXTRAORDINARY conference, when the ' +
      'second notice to a silent invitee went out (`urgentReminderSentAt`).',
    success: { status: 200, description: 'A page of invitations', schema: 'InvitationView', list: true },
    errors: [400],
  })
  async invitations(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(ListInvitationsQuery)) q: ListInvitationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<InvitationView>> {
    return this.services.call(InternalApi.notifications.listInvitations, { id, ...q }, actor);
  }

  @Get(':id/brief-requests')
  @Roles(...InternalApi.submissions.listBriefRequests.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @Paging()
  @ApiRoute({
    summary: 'Brief requests of a conference',
    description: 'An agency sees only its own.',
    success: { status: 200, description: 'A page of brief requests', schema: 'BriefRequestView', list: true },
    errors: [400],
  })
  async briefRequests(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(PageQuery)) paging: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<BriefRequestView>> {
    return this.services.call(InternalApi.submissions.listBriefRequests, { id, ...paging }, actor);
  }
}
