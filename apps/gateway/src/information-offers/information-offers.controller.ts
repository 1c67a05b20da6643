import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFile as Upload } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  DecideInformationOfferDto,
  IdParam,
  InformationOfferAttachmentView,
  InformationOfferStatuses,
  InformationOfferView,
  InternalApi,
  ListInformationOffersQuery,
  OfferInformationDto,
  Page,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { FileUpload, requireFile } from '../file-transfer/file-upload';
import { IncomingFile, sendFile } from '../file-transfer/file-transfer';
import { body, query } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

@ApiTags('Information offers')
@Controller('information-offers')
export class InformationOffersController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.submissions.offerInformation.roles)
  @ApiRoute({
    summary: 'Offer information or propose content to publicise',
    description:
      'An agency offers information on its own initiative (plan IV.2, IV.4): OFFERED, and ' +
      '`submissions.information-offer.offered.v1`. Files follow through POST /information-offers/{id}/attachments.',
    body: 'OfferInformationDto',
    success: { status: 201, description: 'The offer', schema: 'InformationOfferView' },
    errors: [400, 403],
  })
  offer(
    @Body(body(OfferInformationDto)) dto: OfferInformationDto,
    @CurrentActor() actor: Actor,
  ): Promise<InformationOfferView> {
    return this.services.call(InternalApi.submissions.offerInformation, dto, actor);
  }

  @Get()
  @Roles(...InternalApi.submissions.listInformationOffers.roles)
  @ApiQuery({ name: 'status', required: false, enum: InformationOfferStatuses })
  @ApiQuery({ name: 'agencyId', required: false, description: 'The offering agency (an agency sees only its own)' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'List information offers',
    description: 'Newest first. An agency sees only its own; the coordinator and admins see all.',
    success: { status: 200, description: 'A page of offers', schema: 'InformationOfferView', list: true },
    errors: [400],
  })
  list(
    @Query(query(ListInformationOffersQuery)) q: ListInformationOffersQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<InformationOfferView>> {
    return this.services.call(InternalApi.submissions.listInformationOffers, q, actor);
  }

  @Get(':id')
  @Roles(...InternalApi.submissions.getInformationOffer.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Get an information offer',
    description: 'With its files and the decision. Another agency’s offer is a 404.',
    success: { status: 200, description: 'The offer', schema: 'InformationOfferView' },
    errors: [400, 404],
  })
  get(@Param(body(IdParam)) { id }: IdParam, @CurrentActor() actor: Actor): Promise<InformationOfferView> {
    return this.services.call(InternalApi.submissions.getInformationOffer, { id }, actor);
  }

  @Post(':id/attachments')
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key returns the first result (the same fields, file name and bytes; another file is a 422)',
  })
  @Roles(...InternalApi.submissions.addInformationOfferAttachment.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @FileUpload()
  @ApiRoute({
    summary: 'Attach a file to an offer',
    description:
      'Checked as a brief’s attachments are: PDF, DOCX, PNG or JPEG recognised by content (415 otherwise), up to ' +
      'ATTACHMENT_MAX_BYTES (413), no active content (422 saying why), at most BRIEF_MAX_ATTACHMENTS files per offer ' +
      '(413) and within the agency’s AGENCY_UPLOAD_MAX_BYTES_PER_DAY shared with its briefs (429). Only while the ' +
      'offer is OFFERED (409 once decided). The same bytes again answer with the first attachment.',
    success: { status: 201, description: 'The attachment', schema: 'InformationOfferAttachmentView' },
    errors: [400, 404, 409, 413, 415, 422, 429, 503],
  })
  attach(
    @Param(body(IdParam)) { id }: IdParam,
    @Upload() file: IncomingFile | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<InformationOfferAttachmentView> {
    return sendFile(
      this.services,
      InternalApi.submissions.addInformationOfferAttachment,
      { id },
      requireFile(file),
      actor,
    );
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles(...InternalApi.submissions.decideInformationOffer.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({
    summary: 'Decide an information offer',
    description:
      'Once (409 afterwards), with `submissions.information-offer.decided.v1`. INCLUDE needs `conferenceId`: a called ' +
      'conference not yet ended nor cancelled (400 or 422 naming `conferenceId` otherwise); a brief request is opened ' +
      'for the agency on it, due as the others (`briefRequestId`). CALL_EXTRAORDINARY: scheduling reports an incident ' +
      'from the offer, its 24 hours running from the decision. DECLINE needs a `comment`. The agency is told.',
    body: 'DecideInformationOfferDto',
    success: { status: 200, description: 'The decided offer', schema: 'InformationOfferView' },
    errors: [400, 404, 409, 422],
  })
  decide(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(DecideInformationOfferDto)) dto: DecideInformationOfferDto,
    @CurrentActor() actor: Actor,
  ): Promise<InformationOfferView> {
    return this.services.call(InternalApi.submissions.decideInformationOffer, { id, ...dto }, actor);
  }
}
