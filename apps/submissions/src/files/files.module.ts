import { Module } from '@nestjs/common';
import { UploadSweeper } from './application/upload-sweeper';
import { FILE_LIMITS, fileLimitsFromEnv, UploadsService } from './application/uploads.service';

/** Files arriving in parts over Kafka, checked by content and size before they are stored. */
@Module({
  providers: [{ provide: FILE_LIMITS, useFactory: fileLimitsFromEnv }, UploadsService, UploadSweeper],
  exports: [UploadsService],
})
export class FilesModule {}
