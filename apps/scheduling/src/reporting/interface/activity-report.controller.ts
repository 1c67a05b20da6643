import { Controller, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  ActivityReport,
  ActivityReportQuery,
  contentDisposition,
  InternalApi,
  StoredFileHeaders,
  validateInto,
} from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { ActivityReportService } from '../application/activity-report.service';

/** GET reports/activity: JSON figures, or a file (`format=csv|pdf`) with its digest for the gateway to check. */
@Controller()
export class ActivityReportController {
  constructor(private readonly reports: ActivityReportService) {}

  @InternalEndpoint(InternalApi.scheduling.activityReport)
  async report(
    @Query() query: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityReport | StreamableFile> {
    const q = await validateInto(ActivityReportQuery, query);
    if (!q.format || q.format === 'json') return this.reports.figures(q);
    const file = await this.reports.file(q, q.format);
    response.setHeader(StoredFileHeaders.sha256, file.sha256);
    return new StreamableFile(file.content, {
      type: file.mediaType,
      length: file.content.length,
      disposition: contentDisposition('attachment', file.fileName),
    });
  }
}
