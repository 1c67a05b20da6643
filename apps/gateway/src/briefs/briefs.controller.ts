import { Controller, Get, Param, Post, Query, Res, UploadedFile as Upload } from '@nestjs/common';
import { ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  AttachmentParam,
  AttachmentView,
  BriefView,
  GetBriefQuery,
  IdParam,
  RpcPatterns,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { ServiceBus } from '../bus/service-bus';
import { FileUpload, requireFile } from '../file-transfer/file-upload';
import { contentDisposition, readInParts, sendInParts, UploadedFile } from '../file-transfer/file-transfer';
import { body, query } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';

@ApiTags('Briefs')
@Controller('briefs')
export class BriefsController {
  constructor(private readonly bus: ServiceBus) {}

  @Get(':id')
  @Roles('coordinator', 'admin', 'host', 'agency')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'version', required: false, schema: { type: 'integer', minimum: 1 }, description: 'An earlier version in full (default: the latest)' })
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
    return this.bus.request(RpcPatterns.submissions.getBrief, { id, ...q }, actor);
  }

  @Post(':id/attachments')
  @Roles('agency', 'coordinator', 'admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @FileUpload()
  @ApiRoute({
    summary: 'Attach a file to a brief',
    description:
      'PDF, DOCX, PNG or JPEG, recognised by content, not by name (an executable named .pdf is a 415), up to ' +
      'ATTACHMENT_MAX_BYTES (10 MB by default; over it, 413). Stored with its SHA-256; the same bytes attached ' +
      'again answer with the first attachment. A refused file leaves nothing stored.',
    success: { status: 201, description: 'The attachment', schema: 'AttachmentView' },
    errors: [400, 404, 409],
  })
  attach(
    @Param(body(IdParam)) { id }: IdParam,
    @Upload() file: UploadedFile | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AttachmentView> {
    return sendInParts(this.bus, RpcPatterns.submissions.addBriefAttachmentPart, { briefId: id }, requireFile(file), actor);
  }

  @Get(':id/attachments/:attachmentId')
  @Roles('coordinator', 'admin', 'host', 'agency')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiResponse({
    status: 200,
    description: 'The file as stored, with its media type',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
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
    @Res() response: Response,
  ): Promise<void> {
    const file = await readInParts(this.bus, RpcPatterns.submissions.readBriefAttachment, { briefId: id, attachmentId }, actor);
    response
      .status(200)
      .type(file.mediaType)
      .setHeader('Content-Disposition', contentDisposition('attachment', file.fileName))
      .send(file.bytes);
  }
}
