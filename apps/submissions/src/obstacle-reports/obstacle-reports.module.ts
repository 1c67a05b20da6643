import { Module } from '@nestjs/common';
import { AdvanceObstacleReport } from './application/advance-obstacle-report';
import { ReadObstacleReports } from './application/read-obstacle-reports';
import { ReportObstacle } from './application/report-obstacle';
import { ObstacleReportsController } from './interface/obstacle-reports.controller';

/** Difficulties agencies meet in carrying out the plan, forwarded to the People's Committee and resolved. */
@Module({
  controllers: [ObstacleReportsController],
  providers: [ReportObstacle, AdvanceObstacleReport, ReadObstacleReports],
})
export class ObstacleReportsModule {}
