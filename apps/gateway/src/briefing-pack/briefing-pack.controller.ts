import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile as Upload,
} from '@nestjs/common';
import { ApiHeader, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  BriefingPackCompiled,
  BriefingPackQuery,
  BriefingPackSummary,
  IdParam,
  InternalApi,
  OrientationDocumentFields,
  OrientationDocumentView,
  Page,
  PageQuery,
} from '@pressconf/contracts';
import { CurrentActor, Roles } from '../auth/actor.guard';
import { FileUpload, requireFile } from '../file-transfer/file-upload';
import { IncomingFile, passFileOn, sendFile } from '../file-transfer/file-transfer';
import { body, query } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient } from '../services/service-client';

@ApiTags('Briefing pack')
@Controller('conferences')
export class BriefingPackController {
  constructor(private readonly services: ServiceClient) {}

  @Post(':id/orientation-documents')
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key returns the first result (the same fields, file name and bytes; another file is a 422)',
  })
  @Roles(...InternalApi.submissions.addOrientationDocument.roles)
  @ApiParam({ name: 'id', format: 'uuid', description: 'The conference (once called)' })
  @FileUpload(
    {
      title: { type: 'string', maxLength: 500, description: 'E.g. "Định hướng tuyên truyền về công tác nhân quyền"' },
      summary: { type: 'string', maxLength: 5000, description: 'Printed in the pack under the title' },
    },
    ['title'],
  )
  @ApiRoute({
    summary: 'Add an orientation document',
    description:
      'A communication orientation document (tài liệu định hướng) for the briefing pack, as multipart/form-data: ' +
      '`file` (PDF, DOCX, PNG or JPEG by content, up to ATTACHMENT_MAX_BYTES), `title`, optional `summary`. The ' +
      'conference must have been called; 409 once it is cancelled.',
    success: { status: 201, description: 'The orientation document', schema: 'OrientationDocumentView' },
    errors: [400, 404, 409, 422],
  })
  addOrientationDocument(
    @Param(body(IdParam)) { id }: IdParam,
    @Body(body(OrientationDocumentFields)) fields: OrientationDocumentFields,
    @Upload() file: IncomingFile | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<OrientationDocumentView> {
    const input = { id, title: fields.title, summary: fields.summary };
    return sendFile(this.services, InternalApi.submissions.addOrientationDocument, input, requireFile(file), actor);
  }

  @Get(':id/orientation-documents')
  @Roles(...InternalApi.submissions.listOrientationDocuments.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'Orientation documents of a conference',
    success: {
      status: 200,
      description: 'A page of orientation documents',
      schema: 'OrientationDocumentView',
      list: true,
    },
    errors: [400],
  })
  listOrientationDocuments(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(PageQuery)) paging: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<OrientationDocumentView>> {
    return this.services.call(InternalApi.submissions.listOrientationDocuments, { id, ...paging }, actor);
  }

  @Post(':id/briefing-pack')
  @Idempotent()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first result',
  })
  @Roles(...InternalApi.submissions.compileBriefingPack.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({
    status: 200,
    description: 'Nothing changed since the latest version, which is answered as it is',
    content: { 'application/json': { schema: { $ref: getSchemaPath('BriefingPackSummary') } } },
  })
  @ApiRoute({
    summary: 'Compile the briefing pack',
    description:
      'Compiles the accepted briefs and the orientation documents into one PDF in Vietnamese (cover page, table ' +
      'of contents, each brief with its document metadata and attached files) as a new version, and emits ' +
      '`submissions.briefing-pack.compiled.v1`. 422 when there is nothing to compile; 409 for a cancelled ' +
      'conference.',
    success: { status: 201, description: 'The new version', schema: 'BriefingPackSummary' },
    errors: [400, 404, 409, 422],
  })
  async compile(
    @Param(body(IdParam)) { id }: IdParam,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BriefingPackSummary> {
    const { created, pack } = await this.services.call<BriefingPackCompiled>(
      InternalApi.submissions.compileBriefingPack,
      { id },
      actor,
    );
    response.status(created ? 201 : 200);
    return pack;
  }

  @Get(':id/briefing-pack')
  @Header('Vary', 'Accept')
  @Roles(...InternalApi.submissions.readBriefingPack.roles)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({
    name: 'version',
    required: false,
    schema: { type: 'integer', minimum: 1 },
    description: 'Default: the latest',
  })
  @ApiProduces('application/json', 'application/pdf')
  @ApiResponse({
    status: 200,
    description: 'The pack: JSON, or the PDF with `Accept: application/pdf`',
    content: {
      'application/json': { schema: { $ref: getSchemaPath('BriefingPackView') } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiRoute({
    summary: 'Get the briefing pack',
    description:
      'Embargo: hosts (host, coordinator, admin) read it at once; other participants and the press only from the ' +
      'conference’s start — 403 before. 404 until a first version is compiled. The representatives’ `email` and ' +
      '`phone` are in the JSON for admin, coordinator and host only; the PDF prints names and titles, never them.',
    success: { status: 200, description: 'The briefing pack' },
    errors: [400, 404],
  })
  async get(
    @Param(body(IdParam)) { id }: IdParam,
    @Query(query(BriefingPackQuery)) q: BriefingPackQuery,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const format = request.accepts(['application/json', 'application/pdf']) === 'application/pdf' ? 'pdf' : 'json';
    return passFileOn(
      await this.services.open(InternalApi.submissions.readBriefingPack, { id, format, version: q.version }, actor),
    );
  }
}
