import { Controller, Get, Param, Post, Query, StreamableFile, UploadedFile as Upload } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AttachmentParam,
  AttachmentView,
  BriefView,
  GetBriefQuery,
  IdParam,
  InternalApi,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { FileUpload, requireFile } from '../file-transfer/file-upload';
import { IncomingFile, passFileOn, sendFile } from '../file-transfer/file-transfer';
import { body, query } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

@ApiTags('Briefs')
@Controller('briefs')
export class BriefsController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':id')
  @Roles(...InternalApi.submissions.getBrief.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({
    name: 'version',
    required: false,
    schema: { type: 'integer', minimum: 1 },
    description: 'An earlier version in full (default: the latest)',
  })
  @ApiRoute({
    summary: 'Get a brief',
    description:
      'The latest version in full (or the one asked for), the history of versions, the attached files and the ' +
      'reviews. An agency sees only its own agency’s briefs (404 otherwise).',
    success: { status: 200, description: 'The brief', schema: 'BriefView' },
    errors: [400, 404],
  })
  get(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(GetBriefQuery)) q: GetBriefQuery,
    @CurrentActor() actor: Actor,
  ): Promise<BriefView> {
    return this.services.call(InternalApi.submissions.getBrief, { id, ...q }, actor);
  }

  @Post(':id/attachments')
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key returns the first result (the same fields, file name and bytes; another file is a 422)',
  })
  @Roles(...InternalApi.submissions.addBriefAttachment.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @FileUpload()
  @ApiRoute({
    summary: 'Attach a file to a brief',
    description:
      'PDF, DOCX, PNG or JPEG, recognised by content, not by name (an executable named .pdf is a 415), up to ' +
      'ATTACHMENT_MAX_BYTES (10 MB by default; over it, 413). A document that would act when opened is a 422 ' +
      'saying why: macros, embedded OLE or ActiveX objects, DDE fields or references Word fetches (a remote ' +
      'template) in a DOCX; JavaScript, launch actions, embedded files or remote actions in a PDF. A brief holds ' +
      'at most BRIEF_MAX_ATTACHMENTS files (20; one more is a 413), and an agency attaches at most ' +
      'AGENCY_UPLOAD_MAX_BYTES_PER_DAY bytes a day (200 MB; past it, 429 until midnight, Retry-After). A busy ' +
      'service answers 503 with Retry-After. Stored with its SHA-256; the same bytes attached again answer with ' +
      'the first attachment. A refused file leaves nothing stored.',
    success: { status: 201, description: 'The attachment', schema: 'AttachmentView' },
    errors: [400, 404, 409, 422, 429, 503],
  })
  attach(
    @Param(body(IdParam)) { id }: IdParam,
    @Upload() file: IncomingFile | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentView> {
    return sendFile(this.services, InternalApi.submissions.addBriefAttachment, { id }, requireFile(file), actor);
  }

  @Get(':id/attachments/:attachmentId')
  @Roles(...InternalApi.submissions.readBriefAttachment.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiResponse({
    status: 200,
    description: 'The file as stored, with its media type',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
        schema: { type: 'string', format: 'binary' },
      },
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiRoute({
    summary: 'Download an attachment',
    success: { status: 200, description: 'The file' },
    errors: [400, 404],
  })
  async download(
    @Param(body(AttachmentParam)) { id, attachmentId }: AttachmentParam,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return passFileOn(
      await this.services.open(InternalApi.submissions.readBriefAttachment, { id, attachmentId }, actor),
    );
  }
}
