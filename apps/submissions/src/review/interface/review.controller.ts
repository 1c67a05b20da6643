import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReviewBriefDto, RpcPatterns, RpcRequest, SubmitBriefDto } from '@pressconf/contracts';
import { idAnd } from '../../common/rpc-input';
import { ReviewService } from '../application/review.service';

@Controller()
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @MessagePattern(RpcPatterns.submissions.submitBrief)
  async submit(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, SubmitBriefDto);
    return this.review.submit(id, dto, request.meta.actor);
  }

  @MessagePattern(RpcPatterns.submissions.reviewBrief)
  async decide(@Payload() request: RpcRequest) {
    const { id, dto } = await idAnd(request.body, ReviewBriefDto);
    return this.review.review(id, dto, request.meta.actor);
  }
}
