import { Module } from '@nestjs/common';
import { BriefsModule } from '../briefs/briefs.module';
import { ReviewService } from './application/review.service';
import { ReviewController } from './interface/review.controller';

/** Submit, then accept or return with a comment; a returned brief is revised and submitted again. */
@Module({
  imports: [BriefsModule],
  controllers: [ReviewController],
  providers: [ReviewService],
})
export class ReviewModule {}
