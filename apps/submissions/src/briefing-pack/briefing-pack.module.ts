import { Module } from '@nestjs/common';
import { BriefingPackService } from './application/briefing-pack.service';
import { BriefingPackController } from './interface/briefing-pack.controller';

/** The conference's briefing pack: accepted briefs and orientation documents in one Vietnamese PDF. */
@Module({
  controllers: [BriefingPackController],
  providers: [BriefingPackService],
})
export class BriefingPackModule {}
