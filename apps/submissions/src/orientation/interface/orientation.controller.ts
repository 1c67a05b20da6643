import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrientationDocumentPart, PageQuery, RpcPatterns, RpcRequest, validateInto } from '@pressconf/contracts';
import { idAnd } from '../../common/rpc-input';
import { UploadsService } from '../../files/application/uploads.service';
import { OrientationDocuments } from '../application/orientation-documents';

@Controller()
export class OrientationController {
  constructor(
    private readonly documents: OrientationDocuments,
    private readonly uploads: UploadsService,
  ) {}

  @MessagePattern(RpcPatterns.submissions.addOrientationDocumentPart)
  async addPart(@Payload() request: RpcRequest) {
    const part = await validateInto(OrientationDocumentPart, request.body);
    return this.uploads.receive(this.documents, part, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.listOrientationDocuments)
  async list(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, PageQuery);
    return this.documents.list(id, request.meta.actor, dto);
  }
}
