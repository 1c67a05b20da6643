import { Module } from '@nestjs/common';
import { FILE_LIMITS, fileLimitsFromEnv, UploadsService } from './application/uploads.service';

/** Files uploaded through the internal API, checked by content and size before they are stored. */
@Module({
  providers: [{ provide: FILE_LIMITS, useFactory: fileLimitsFromEnv }, UploadsService],
  exports: [UploadsService],
})
export class FilesModule {}
