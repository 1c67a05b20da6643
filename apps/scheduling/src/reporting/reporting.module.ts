import { Module } from '@nestjs/common';
import { ActivityReportService } from './application/activity-report.service';
import { ReportRows } from './infrastructure/report-rows';
import { ActivityReportController } from './interface/activity-report.controller';
import { ReportingProjectionHandler } from './interface/reporting-projection.handler';

/**
 * The activity report (issue 15): a projection fed only by events, with its own inbox consumer and its own report_*
 * tables, so that it reads no module's tables and could become a service of its own.
 */
@Module({
  controllers: [ReportingProjectionHandler, ActivityReportController],
  providers: [ReportRows, ActivityReportService],
})
export class ReportingModule {}
