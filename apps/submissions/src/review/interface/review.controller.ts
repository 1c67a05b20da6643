import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import { Actor, IdParam, InternalApi, ReviewBriefDto, SubmitBriefDto, validateInto } from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { ReviewService } from '../application/review.service';

@Controller()
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @InternalEndpoint(InternalApi.submissions.submitBrief)
  @HttpCode(200)
  async submit(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.review.submit(id, await validateInto(SubmitBriefDto, body), actor);
  }

  @InternalEndpoint(InternalApi.submissions.reviewBrief)
  @HttpCode(200)
  async decide(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.review.review(id, await validateInto(ReviewBriefDto, body), actor);
  }
}
