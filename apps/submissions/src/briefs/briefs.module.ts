import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { BriefAttachments } from './application/brief-attachments';
import { BriefLimits } from './application/brief-limits';
import { BriefViews } from './application/brief-views';
import { BriefsService } from './application/briefs.service';
import { BriefsController } from './interface/briefs.controller';

/** Agencies' briefs as official documents: versions kept, files attached. */
@Module({
  imports: [FilesModule],
  controllers: [BriefsController],
  providers: [BriefsService, BriefViews, BriefAttachments, BriefLimits],
  exports: [BriefViews, BriefLimits],
})
export class BriefsModule {}
