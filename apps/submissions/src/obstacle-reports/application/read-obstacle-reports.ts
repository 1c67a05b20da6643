import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, ListObstacleReportsQuery, NotFoundError, ObstacleReportView, Page } from '@pressconf/contracts';
import { assertVisibleTo, listScope } from '../domain/visibility';
import { ObstacleReportEntity } from '../infrastructure/obstacle-report.entity';
import { toObstacleReportView } from './obstacle-report-views';

/** Obstacle reports as each reader may see them: an agency its own, the coordinator and admins all. */
@Injectable()
export class ReadObstacleReports {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListObstacleReportsQuery, actor: Actor): Promise<Page<ObstacleReportView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(ObstacleReportEntity).findAndCount({
      where: { ...listScope(actor, query.agencyId), ...(query.status ? { status: query.status } : {}) },
      order: { reportedAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toObstacleReportView), page, pageSize, total };
  }

  async get(id: string, actor: Actor): Promise<ObstacleReportView> {
    const report = await this.dataSource.getRepository(ObstacleReportEntity).findOneBy({ id });
    if (!report) throw new NotFoundError('Obstacle report', id);
    assertVisibleTo(actor, report, 'Obstacle report', id);
    return toObstacleReportView(report);
  }
}
