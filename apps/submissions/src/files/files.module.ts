import { Module } from '@nestjs/common';
import { FILE_LIMITS, fileLimitsFromEnv, UploadsService } from './application/uploads.service';
import { ConfigService } from '@nestjs/config';
import type { SubmissionsConfig } from '../config';

/** Files uploaded through the internal API, checked by content and size before they are stored. */
@Module({
  providers: [
    {
      provide: FILE_LIMITS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SubmissionsConfig, true>) =>
        fileLimitsFromEnv({
          ATTACHMENT_MAX_BYTES: config.get('ATTACHMENT_MAX_BYTES', { infer: true }),
          UPLOAD_MAX_CONCURRENT: config.get('UPLOAD_MAX_CONCURRENT', { infer: true }),
        }),
    },
    UploadsService,
  ],
  exports: [UploadsService],
})
export class FilesModule {}
