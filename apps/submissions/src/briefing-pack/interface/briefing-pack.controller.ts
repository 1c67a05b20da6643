import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BriefingPackReadRequest, IdParam, RpcPatterns, RpcRequest, validateInto } from '@pressconf/contracts';
import { BriefingPackService } from '../application/briefing-pack.service';

@Controller()
export class BriefingPackController {
  constructor(private readonly packs: BriefingPackService) {}

  @MessagePattern(RpcPatterns.submissions.compileBriefingPack)
  async compile(@Payload() request: RpcRequest) {
    const { id } = await validateInto(IdParam, request.body);
    return this.packs.compile(id, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.readBriefingPack)
  async read(@Payload() request: RpcRequest) {
    return this.packs.read(await validateInto(BriefingPackReadRequest, request.body), request.meta.actor);
  }
}
