import { Body, Controller, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  AttachmentParam,
  GetBriefQuery,
  IdParam,
  InternalApi,
  SaveBriefDto,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { IncomingFile, UploadsService } from '../../files/application/uploads.service';
import { storedFileAnswer, UploadedBody, UploadEndpoint } from '../../files/interface/file-endpoints';
import { BriefAttachments } from '../application/brief-attachments';
import { BriefsService } from '../application/briefs.service';

@Controller()
export class BriefsController {
  constructor(
    private readonly briefs: BriefsService,
    private readonly attachments: BriefAttachments,
    private readonly uploads: UploadsService,
  ) {}

  @InternalEndpoint(InternalApi.submissions.saveBrief)
  async save(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.briefs.save(id, await validateInto(SaveBriefDto, body), actor);
  }

  @InternalEndpoint(InternalApi.submissions.getBrief)
  async get(@Param() params: unknown, @Query() query: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    const { version } = await validateInto(GetBriefQuery, query, { forbidUnknown: false });
    return this.briefs.get(id, actor, version);
  }

  @UploadEndpoint(InternalApi.submissions.addBriefAttachment)
  async addAttachment(@Param() params: unknown, @UploadedBody() file: IncomingFile, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.uploads.receive(this.attachments, { briefId: id }, actor, file);
  }

  @InternalEndpoint(InternalApi.submissions.readBriefAttachment)
  async readAttachment(
    @Param() params: unknown,
    @CallingActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { id, attachmentId } = await validateInto(AttachmentParam, params);
    return storedFileAnswer(response, await this.attachments.read(id, attachmentId, actor), 'attachment');
  }
}
