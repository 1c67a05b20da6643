import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AttachmentReadRequest,
  BriefAttachmentPart,
  GetBriefRequest,
  RpcPatterns,
  RpcRequest,
  SaveBriefDto,
  validateInto,
} from '@pressconf/contracts';
import { idAnd } from '../../common/rpc-input';
import { UploadsService } from '../../files/application/uploads.service';
import { BriefAttachments } from '../application/brief-attachments';
import { BriefsService } from '../application/briefs.service';

@Controller()
export class BriefsController {
  constructor(
    private readonly briefs: BriefsService,
    private readonly attachments: BriefAttachments,
    private readonly uploads: UploadsService,
  ) {}

  @MessagePattern(RpcPatterns.submissions.saveBrief)
  async save(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, SaveBriefDto);
    return this.briefs.save(id, dto, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.getBrief)
  async get(@Payload() request: RpcRequest) {
    const { id, version } = await validateInto(GetBriefRequest, request.body);
    return this.briefs.get(id, request.meta.actor, version);
  }

  @MessagePattern(RpcPatterns.submissions.addBriefAttachmentPart)
  async addAttachmentPart(@Payload() request: RpcRequest) {
    const part = await validateInto(BriefAttachmentPart, request.body);
    return this.uploads.receive(this.attachments, part, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.readBriefAttachment)
  async readAttachment(@Payload() request: RpcRequest) {
    return this.attachments.read(await validateInto(AttachmentReadRequest, request.body), request.meta.actor);
  }
}
